<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="ko">
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="104"/>
        <source>어서 오세요</source>
        <translation>いらっしゃいませ</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="130"/>
        <source>화면을 터치해 주문하세요</source>
        <translation>タッチしてご注文ください</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="130"/>
        <source>준비 중입니다. 잠시만 기다려 주세요</source>
        <translation>準備中です。少々お待ちください</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="26"/>
        <location filename="../qml/customer/AttractScreen.qml" line="132"/>
        <source>주문 시작</source>
        <translation>注文を始める</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="132"/>
        <source>준비 중</source>
        <translation>準備中</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="157"/>
        <source>큰 글씨 · 쉬운 주문</source>
        <translation>大きな文字・かんたん注文</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="158"/>
        <source>큰 글씨 쉬운 주문 끄기</source>
        <translation>大きな文字・かんたん注文をオフにする</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="158"/>
        <source>큰 글씨 쉬운 주문 켜기</source>
        <translation>大きな文字・かんたん注文をオンにする</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="171"/>
        <source>낮은 화면</source>
        <translation>低い画面</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="172"/>
        <source>낮은 화면 끄기</source>
        <translation>低い画面をオフ</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="172"/>
        <source>낮은 화면 켜기</source>
        <translation>低い画面をオン</translation>
    </message>
</context>
<context>
    <name>CartBar</name>
    <message>
        <location filename="../qml/customer/CartBar.qml" line="22"/>
        <source>처음으로</source>
        <translation>最初に戻る</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartBar.qml" line="36"/>
        <source>장바구니 %1개, %2</source>
        <translation>カート %1 点、%2</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartBar.qml" line="60"/>
        <source>장바구니</source>
        <translation>カート</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartBar.qml" line="85"/>
        <source>주문하기</source>
        <translation>注文する</translation>
    </message>
</context>
<context>
    <name>CartScreen</name>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="21"/>
        <source>주문 내역을 확인해 주세요</source>
        <translation>ご注文内容をご確認ください</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="127"/>
        <source>%1 수량 줄이기</source>
        <translation>%1 の数量を減らす</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="150"/>
        <source>%1 수량 늘리기</source>
        <translation>%1 の数量を増やす</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="158"/>
        <source>삭제</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="159"/>
        <source>%1 삭제</source>
        <translation>%1 を削除</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="216"/>
        <source>주문 방식</source>
        <translation>ご利用方法</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="223"/>
        <source>매장</source>
        <translation>店内</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="230"/>
        <source>포장</source>
        <translation>持ち帰り</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="246"/>
        <source>총 %1개</source>
        <translation>合計 %1 点</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="254"/>
        <source>부가세 %1 포함</source>
        <translation>消費税(VAT) %1 込み</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="298"/>
        <source>메뉴 더 담기</source>
        <translation>メニューを追加</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="308"/>
        <source>%1 결제하기</source>
        <translation>%1 を支払う</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <location filename="../qml/customer/IdleWarning.qml" line="29"/>
        <source>아직 주문 중이신가요?</source>
        <translation>まだご注文中ですか？</translation>
    </message>
    <message>
        <location filename="../qml/customer/IdleWarning.qml" line="40"/>
        <source>%1초 후 처음 화면으로 돌아갑니다. 담은 메뉴는 지워집니다.</source>
        <translation>%1秒後に最初の画面に戻ります。カートは空になります。</translation>
    </message>
    <message>
        <location filename="../qml/customer/IdleWarning.qml" line="54"/>
        <source>시간을 더 주세요</source>
        <translation>もう少し時間をください</translation>
    </message>
    <message>
        <location filename="../qml/customer/IdleWarning.qml" line="63"/>
        <source>처음으로</source>
        <translation>最初に戻る</translation>
    </message>
</context>
<context>
    <name>KeypadHelp</name>
    <message>
        <location filename="../qml/customer/KeypadHelp.qml" line="38"/>
        <source>키패드로 주문하기</source>
        <translation>キーパッドで注文</translation>
    </message>
    <message>
        <location filename="../qml/customer/KeypadHelp.qml" line="45"/>
        <source>◀ ▶ ▲ ▼ : 다음 / 이전 항목으로 이동</source>
        <translation>◀ ▶ ▲ ▼ : 次 / 前の項目へ</translation>
    </message>
    <message>
        <location filename="../qml/customer/KeypadHelp.qml" line="45"/>
        <source>확인 : 고르기, 누르기</source>
        <translation>決定 : 選ぶ、押す</translation>
    </message>
    <message>
        <location filename="../qml/customer/KeypadHelp.qml" line="46"/>
        <source>이전 : 한 단계 뒤로</source>
        <translation>戻る : 一つ前へ</translation>
    </message>
    <message>
        <location filename="../qml/customer/KeypadHelp.qml" line="46"/>
        <source>도움말 : 이 안내 열기 / 닫기</source>
        <translation>ヘルプ : この案内を開く / 閉じる</translation>
    </message>
    <message>
        <location filename="../qml/customer/KeypadHelp.qml" line="47"/>
        <source>음성 안내 : 이어폰을 꽂거나 음성 안내 키</source>
        <translation>音声案内 : イヤホンを挿すか音声キー</translation>
    </message>
    <message>
        <location filename="../qml/customer/KeypadHelp.qml" line="63"/>
        <source>닫기</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../qml/customer/KeypadHelp.qml" line="64"/>
        <source>도움말 닫기</source>
        <translation>ヘルプを閉じる</translation>
    </message>
    <message>
        <location filename="../qml/customer/KeypadHelp.qml" line="72"/>
        <source>직원 호출됨</source>
        <translation>呼び出しました</translation>
    </message>
    <message>
        <location filename="../qml/customer/KeypadHelp.qml" line="72"/>
        <source>직원 호출</source>
        <translation>スタッフ呼び出し</translation>
    </message>
</context>
<context>
    <name>MenuScreen</name>
    <message>
        <location filename="../qml/customer/MenuScreen.qml" line="13"/>
        <source>품절된 메뉴입니다. 다른 메뉴를 골라 주세요.</source>
        <translation>売り切れです。別のメニューをお選びください。</translation>
    </message>
    <message>
        <location filename="../qml/customer/MenuScreen.qml" line="14"/>
        <source>장바구니에 담았습니다.</source>
        <translation>カートに追加しました。</translation>
    </message>
    <message>
        <location filename="../qml/customer/MenuScreen.qml" line="15"/>
        <source>먼저 메뉴를 골라 주세요.</source>
        <translation>まずメニューをお選びください。</translation>
    </message>
    <message>
        <location filename="../qml/customer/MenuScreen.qml" line="94"/>
        <source>%1, 선택됨</source>
        <translation>%1、選択中</translation>
    </message>
    <message>
        <location filename="../qml/customer/MenuScreen.qml" line="169"/>
        <location filename="../qml/customer/MenuScreen.qml" line="208"/>
        <source>품절</source>
        <translation>売り切れ</translation>
    </message>
</context>
<context>
    <name>OptionsScreen</name>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="145"/>
        <source>필수 ✓</source>
        <translation>必須 ✓</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="145"/>
        <source>필수</source>
        <translation>必須</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="146"/>
        <source>선택 (최대 %1개)</source>
        <translation>任意（最大 %1 個）</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="175"/>
        <source>선택됨</source>
        <translation>選択中</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="192"/>
        <source>%1 빼기</source>
        <translation>%1 を減らす</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="223"/>
        <source>%1 더하기</source>
        <translation>%1 を増やす</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="274"/>
        <source>수량</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="283"/>
        <source>수량 줄이기</source>
        <translation>数量を減らす</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="299"/>
        <source>수량 %1</source>
        <translation>数量 %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="304"/>
        <source>수량 늘리기</source>
        <translation>数量を増やす</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="330"/>
        <source>다음</source>
        <translation>次へ</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="262"/>
        <source>필수 옵션을 골라 주세요</source>
        <translation>必須オプションを選んでください</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="137"/>
        <source>%1 (%2/%3)</source>
        <translation>%1 (%2/%3)</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="319"/>
        <source>취소</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="319"/>
        <source>이전</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="330"/>
        <source>%1 담기</source>
        <translation>追加 · %1</translation>
    </message>
</context>
<context>
    <name>OrderTypeScreen</name>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="39"/>
        <source>어디에서 드시나요?</source>
        <translation>店内でお召し上がりですか？</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="54"/>
        <source>매장에서 먹어요</source>
        <translation>店内で食べます</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="54"/>
        <source>매장</source>
        <translation>店内</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="54"/>
        <source>포장해 갈게요</source>
        <translation>持ち帰ります</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="54"/>
        <source>포장</source>
        <translation>持ち帰り</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="133"/>
        <source>큰 글씨 · 쉬운 주문</source>
        <translation>大きな文字・かんたん注文</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="134"/>
        <source>큰 글씨 쉬운 주문 끄기</source>
        <translation>大きな文字・かんたん注文をオフにする</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="134"/>
        <source>큰 글씨 쉬운 주문 켜기</source>
        <translation>大きな文字・かんたん注文をオンにする</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="117"/>
        <source>처음으로</source>
        <translation>最初に戻る</translation>
    </message>
</context>
<context>
    <name>PayingScreen</name>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="17"/>
        <source>카드를 단말기에 꽂거나 대 주세요</source>
        <translation>カードを端末に差し込むか、かざしてください</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="19"/>
        <source>휴대폰 결제 앱으로 QR을 찍어 주세요</source>
        <translation>スマートフォンの決済アプリでQRコードを読み取ってください</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="21"/>
        <source>결제 앱의 바코드를 스캐너에 보여 주세요</source>
        <translation>決済アプリのバーコードをスキャナーにかざしてください</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="22"/>
        <source>결제 중입니다. 잠시만 기다려 주세요</source>
        <translation>決済中です。少々お待ちください</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="26"/>
        <source>화면 아래 오른쪽 카드 단말기</source>
        <translation>画面右下のカード端末</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="28"/>
        <source>화면 아래 스캐너</source>
        <translation>画面下のスキャナー</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="95"/>
        <source>남은 시간 %1</source>
        <translation>残り時間 %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="103"/>
        <source>QR 결제 남은 시간 %1</source>
        <translation>QRコード決済の残り時間 %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="117"/>
        <source>결제 금액 %1</source>
        <translation>お支払い金額 %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="169"/>
        <source>결제 취소</source>
        <translation>決済をキャンセル</translation>
    </message>
</context>
<context>
    <name>PaymentFailedScreen</name>
    <message>
        <location filename="../qml/customer/PaymentFailedScreen.qml" line="45"/>
        <source>결제가 완료되지 않았습니다</source>
        <translation>お支払いが完了しませんでした</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentFailedScreen.qml" line="58"/>
        <source>결제가 승인되지 않았습니다.</source>
        <translation>お支払いが承認されませんでした。</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentFailedScreen.qml" line="67"/>
        <source>다시 시도하거나 다른 결제 방법을 골라 주세요.</source>
        <translation>もう一度試すか、別の支払い方法を選んでください。</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentFailedScreen.qml" line="81"/>
        <source>다시 시도</source>
        <translation>もう一度</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentFailedScreen.qml" line="89"/>
        <source>다른 결제 방법</source>
        <translation>別の支払い方法</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentFailedScreen.qml" line="96"/>
        <source>장바구니로 돌아가기</source>
        <translation>カートに戻る</translation>
    </message>
</context>
<context>
    <name>PaymentMethodScreen</name>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="17"/>
        <source>카드 결제</source>
        <translation>カード決済</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="19"/>
        <source>QR 결제</source>
        <translation>QR決済</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="20"/>
        <source>바코드 결제</source>
        <translation>バーコード決済</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="24"/>
        <source>신용·체크카드, 삼성페이</source>
        <translation>クレジット・デビットカード、Samsung Pay</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="26"/>
        <source>화면의 QR을 앱으로 스캔</source>
        <translation>画面のQRをアプリでスキャン</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="27"/>
        <source>카카오페이·네이버페이·제로페이</source>
        <translation>カカオペイ・ネイバーペイ・ゼロペイ</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="63"/>
        <source>결제 방법을 선택해 주세요</source>
        <translation>お支払い方法を選んでください</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="88"/>
        <source>결제를 취소했습니다. 결제된 금액은 없습니다.</source>
        <translation>お支払いを取り消しました。請求はありません。</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="98"/>
        <source>결제 금액 %1</source>
        <translation>お支払い金額 %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="185"/>
        <source>이전</source>
        <translation>戻る</translation>
    </message>
</context>
<context>
    <name>ResultScreen</name>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="35"/>
        <source>결제가 완료되었습니다</source>
        <translation>お支払いが完了しました</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="56"/>
        <source>주문번호</source>
        <translation>注文番号</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="72"/>
        <source>주문번호 %1</source>
        <translation>注文番号 %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="78"/>
        <source>번호가 불리면 카운터에서 받아 가세요</source>
        <translation>番号が呼ばれたらカウンターでお受け取りください</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="93"/>
        <source>감사합니다. 또 오세요!</source>
        <translation>ありがとうございました。またお越しください！</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="89"/>
        <source>영수증을 출력할까요?</source>
        <translation>レシートは必要ですか？</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="90"/>
        <source>영수증을 출력하고 있습니다…</source>
        <translation>レシートを印刷しています…</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="91"/>
        <source>영수증이 출력되었습니다. 감사합니다!</source>
        <translation>レシートを印刷しました。ありがとうございます！</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="92"/>
        <source>영수증을 출력하지 못했습니다.</source>
        <translation>レシートを印刷できませんでした。</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="115"/>
        <source>영수증 출력</source>
        <translation>レシートを印刷</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="122"/>
        <source>출력 안 함</source>
        <translation>不要</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="131"/>
        <source>처음으로 (%1초)</source>
        <translation>最初に戻る（%1秒）</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="132"/>
        <source>처음으로</source>
        <translation>最初に戻る</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="161"/>
        <source>프린터에 문제가 있어 영수증을 화면에 보여 드립니다. 직원이 곧 다시 출력해 드립니다.</source>
        <translation>プリンターに問題があるため、レシートを画面に表示しています。スタッフがまもなく印刷し直します。</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="208"/>
        <source>영수증</source>
        <translation>レシート</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="242"/>
        <location filename="../qml/customer/ResultScreen.qml" line="247"/>
        <source>영수증 QR</source>
        <translation>レシートQR</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../qml/customer/TopBar.qml" line="52"/>
        <source>프린터 점검 필요</source>
        <translation>プリンターの点検が必要です</translation>
    </message>
    <message>
        <location filename="../qml/customer/TopBar.qml" line="56"/>
        <source>프린터 점검</source>
        <translation>プリンター</translation>
    </message>
    <message>
        <location filename="../qml/customer/TopBar.qml" line="112"/>
        <location filename="../qml/customer/TopBar.qml" line="113"/>
        <source>직원 호출됨</source>
        <translation>呼び出しました</translation>
    </message>
    <message>
        <location filename="../qml/customer/TopBar.qml" line="112"/>
        <location filename="../qml/customer/TopBar.qml" line="113"/>
        <source>직원 호출</source>
        <translation>スタッフ呼び出し</translation>
    </message>
</context>
<context>
    <name>VoiceButton</name>
    <message>
        <location filename="../qml/common/VoiceButton.qml" line="15"/>
        <source>음성 안내</source>
        <translation>音声案内</translation>
    </message>
    <message>
        <location filename="../qml/common/VoiceButton.qml" line="16"/>
        <source>음성 안내 켜기</source>
        <translation>音声案内をオンにする</translation>
    </message>
    <message>
        <location filename="../qml/common/VoiceButton.qml" line="16"/>
        <source>음성 안내 끄기</source>
        <translation>音声案内をオフにする</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh" sourcelanguage="ko">
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="104"/>
        <source>어서 오세요</source>
        <translation>欢迎光临</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="130"/>
        <source>화면을 터치해 주문하세요</source>
        <translation>触摸屏幕开始点餐</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="130"/>
        <source>준비 중입니다. 잠시만 기다려 주세요</source>
        <translation>正在准备，请稍候</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="26"/>
        <location filename="../qml/customer/AttractScreen.qml" line="132"/>
        <source>주문 시작</source>
        <translation>开始点餐</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="132"/>
        <source>준비 중</source>
        <translation>准备中</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="157"/>
        <source>큰 글씨 · 쉬운 주문</source>
        <translation>大字 · 简易点餐</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="158"/>
        <source>큰 글씨 쉬운 주문 끄기</source>
        <translation>关闭大字简易点餐</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="158"/>
        <source>큰 글씨 쉬운 주문 켜기</source>
        <translation>开启大字简易点餐</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="171"/>
        <source>낮은 화면</source>
        <translation>低位屏幕</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="172"/>
        <source>낮은 화면 끄기</source>
        <translation>关闭低位屏幕</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="172"/>
        <source>낮은 화면 켜기</source>
        <translation>开启低位屏幕</translation>
    </message>
</context>
<context>
    <name>CartBar</name>
    <message>
        <location filename="../qml/customer/CartBar.qml" line="22"/>
        <source>처음으로</source>
        <translation>返回首页</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartBar.qml" line="36"/>
        <source>장바구니 %1개, %2</source>
        <translation>购物车 %1 件，%2</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartBar.qml" line="60"/>
        <source>장바구니</source>
        <translation>购物车</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartBar.qml" line="85"/>
        <source>주문하기</source>
        <translation>去结算</translation>
    </message>
</context>
<context>
    <name>CartScreen</name>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="21"/>
        <source>주문 내역을 확인해 주세요</source>
        <translation>请确认您的订单</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="127"/>
        <source>%1 수량 줄이기</source>
        <translation>%1 数量减一</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="150"/>
        <source>%1 수량 늘리기</source>
        <translation>%1 数量加一</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="158"/>
        <source>삭제</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="159"/>
        <source>%1 삭제</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="216"/>
        <source>주문 방식</source>
        <translation>用餐方式</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="223"/>
        <source>매장</source>
        <translation>堂食</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="230"/>
        <source>포장</source>
        <translation>外带</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="246"/>
        <source>총 %1개</source>
        <translation>共 %1 件</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="254"/>
        <source>부가세 %1 포함</source>
        <translation>含增值税 %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="298"/>
        <source>메뉴 더 담기</source>
        <translation>继续点餐</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="308"/>
        <source>%1 결제하기</source>
        <translation>支付 %1</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <location filename="../qml/customer/IdleWarning.qml" line="29"/>
        <source>아직 주문 중이신가요?</source>
        <translation>您还在点餐吗？</translation>
    </message>
    <message>
        <location filename="../qml/customer/IdleWarning.qml" line="40"/>
        <source>%1초 후 처음 화면으로 돌아갑니다. 담은 메뉴는 지워집니다.</source>
        <translation>%1 秒后返回首页，购物车将被清空。</translation>
    </message>
    <message>
        <location filename="../qml/customer/IdleWarning.qml" line="54"/>
        <source>시간을 더 주세요</source>
        <translation>我需要更多时间</translation>
    </message>
    <message>
        <location filename="../qml/customer/IdleWarning.qml" line="63"/>
        <source>처음으로</source>
        <translation>返回首页</translation>
    </message>
</context>
<context>
    <name>KeypadHelp</name>
    <message>
        <location filename="../qml/customer/KeypadHelp.qml" line="38"/>
        <source>키패드로 주문하기</source>
        <translation>使用键盘点餐</translation>
    </message>
    <message>
        <location filename="../qml/customer/KeypadHelp.qml" line="45"/>
        <source>◀ ▶ ▲ ▼ : 다음 / 이전 항목으로 이동</source>
        <translation>◀ ▶ ▲ ▼ : 下一项 / 上一项</translation>
    </message>
    <message>
        <location filename="../qml/customer/KeypadHelp.qml" line="45"/>
        <source>확인 : 고르기, 누르기</source>
        <translation>确认 : 选择、按下</translation>
    </message>
    <message>
        <location filename="../qml/customer/KeypadHelp.qml" line="46"/>
        <source>이전 : 한 단계 뒤로</source>
        <translation>返回 : 返回上一步</translation>
    </message>
    <message>
        <location filename="../qml/customer/KeypadHelp.qml" line="46"/>
        <source>도움말 : 이 안내 열기 / 닫기</source>
        <translation>帮助 : 打开 / 关闭本说明</translation>
    </message>
    <message>
        <location filename="../qml/customer/KeypadHelp.qml" line="47"/>
        <source>음성 안내 : 이어폰을 꽂거나 음성 안내 키</source>
        <translation>语音导航 : 插入耳机或按语音键</translation>
    </message>
    <message>
        <location filename="../qml/customer/KeypadHelp.qml" line="63"/>
        <source>닫기</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../qml/customer/KeypadHelp.qml" line="64"/>
        <source>도움말 닫기</source>
        <translation>关闭帮助</translation>
    </message>
    <message>
        <location filename="../qml/customer/KeypadHelp.qml" line="72"/>
        <source>직원 호출됨</source>
        <translation>已呼叫店员</translation>
    </message>
    <message>
        <location filename="../qml/customer/KeypadHelp.qml" line="72"/>
        <source>직원 호출</source>
        <translation>呼叫店员</translation>
    </message>
</context>
<context>
    <name>MenuScreen</name>
    <message>
        <location filename="../qml/customer/MenuScreen.qml" line="13"/>
        <source>품절된 메뉴입니다. 다른 메뉴를 골라 주세요.</source>
        <translation>该商品已售罄，请选择其他商品。</translation>
    </message>
    <message>
        <location filename="../qml/customer/MenuScreen.qml" line="14"/>
        <source>장바구니에 담았습니다.</source>
        <translation>已加入购物车。</translation>
    </message>
    <message>
        <location filename="../qml/customer/MenuScreen.qml" line="15"/>
        <source>먼저 메뉴를 골라 주세요.</source>
        <translation>请先选择菜单。</translation>
    </message>
    <message>
        <location filename="../qml/customer/MenuScreen.qml" line="94"/>
        <source>%1, 선택됨</source>
        <translation>%1，已选择</translation>
    </message>
    <message>
        <location filename="../qml/customer/MenuScreen.qml" line="169"/>
        <location filename="../qml/customer/MenuScreen.qml" line="208"/>
        <source>품절</source>
        <translation>售罄</translation>
    </message>
</context>
<context>
    <name>OptionsScreen</name>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="145"/>
        <source>필수 ✓</source>
        <translation>必选 ✓</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="145"/>
        <source>필수</source>
        <translation>必选</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="146"/>
        <source>선택 (최대 %1개)</source>
        <translation>可选（最多 %1 个）</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="175"/>
        <source>선택됨</source>
        <translation>已选择</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="192"/>
        <source>%1 빼기</source>
        <translation>减少 %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="223"/>
        <source>%1 더하기</source>
        <translation>增加 %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="274"/>
        <source>수량</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="283"/>
        <source>수량 줄이기</source>
        <translation>减少数量</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="299"/>
        <source>수량 %1</source>
        <translation>数量 %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="304"/>
        <source>수량 늘리기</source>
        <translation>增加数量</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="330"/>
        <source>다음</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="262"/>
        <source>필수 옵션을 골라 주세요</source>
        <translation>请选择必选项</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="137"/>
        <source>%1 (%2/%3)</source>
        <translation>%1 (%2/%3)</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="319"/>
        <source>취소</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="319"/>
        <source>이전</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="330"/>
        <source>%1 담기</source>
        <translation>加入 · %1</translation>
    </message>
</context>
<context>
    <name>OrderTypeScreen</name>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="39"/>
        <source>어디에서 드시나요?</source>
        <translation>堂食还是外带？</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="54"/>
        <source>매장에서 먹어요</source>
        <translation>在店内用餐</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="54"/>
        <source>매장</source>
        <translation>堂食</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="54"/>
        <source>포장해 갈게요</source>
        <translation>打包带走</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="54"/>
        <source>포장</source>
        <translation>外带</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="133"/>
        <source>큰 글씨 · 쉬운 주문</source>
        <translation>大字 · 简易点餐</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="134"/>
        <source>큰 글씨 쉬운 주문 끄기</source>
        <translation>关闭大字简易点餐</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="134"/>
        <source>큰 글씨 쉬운 주문 켜기</source>
        <translation>开启大字简易点餐</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="117"/>
        <source>처음으로</source>
        <translation>返回首页</translation>
    </message>
</context>
<context>
    <name>PayingScreen</name>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="17"/>
        <source>카드를 단말기에 꽂거나 대 주세요</source>
        <translation>请将银行卡插入或贴近刷卡机</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="19"/>
        <source>휴대폰 결제 앱으로 QR을 찍어 주세요</source>
        <translation>请用手机支付应用扫描二维码</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="21"/>
        <source>결제 앱의 바코드를 스캐너에 보여 주세요</source>
        <translation>请将支付App的条码对准扫描器</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="22"/>
        <source>결제 중입니다. 잠시만 기다려 주세요</source>
        <translation>正在支付，请稍候</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="26"/>
        <source>화면 아래 오른쪽 카드 단말기</source>
        <translation>屏幕右下方的刷卡机</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="28"/>
        <source>화면 아래 스캐너</source>
        <translation>屏幕下方的扫描器</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="95"/>
        <source>남은 시간 %1</source>
        <translation>剩余时间 %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="103"/>
        <source>QR 결제 남은 시간 %1</source>
        <translation>二维码支付剩余时间 %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="117"/>
        <source>결제 금액 %1</source>
        <translation>支付金额 %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="169"/>
        <source>결제 취소</source>
        <translation>取消支付</translation>
    </message>
</context>
<context>
    <name>PaymentFailedScreen</name>
    <message>
        <location filename="../qml/customer/PaymentFailedScreen.qml" line="45"/>
        <source>결제가 완료되지 않았습니다</source>
        <translation>支付未完成</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentFailedScreen.qml" line="58"/>
        <source>결제가 승인되지 않았습니다.</source>
        <translation>付款未获批准。</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentFailedScreen.qml" line="67"/>
        <source>다시 시도하거나 다른 결제 방법을 골라 주세요.</source>
        <translation>请重试或选择其他支付方式。</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentFailedScreen.qml" line="81"/>
        <source>다시 시도</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentFailedScreen.qml" line="89"/>
        <source>다른 결제 방법</source>
        <translation>其他支付方式</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentFailedScreen.qml" line="96"/>
        <source>장바구니로 돌아가기</source>
        <translation>返回购物车</translation>
    </message>
</context>
<context>
    <name>PaymentMethodScreen</name>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="17"/>
        <source>카드 결제</source>
        <translation>刷卡支付</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="19"/>
        <source>QR 결제</source>
        <translation>二维码支付</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="20"/>
        <source>바코드 결제</source>
        <translation>条码支付</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="24"/>
        <source>신용·체크카드, 삼성페이</source>
        <translation>信用卡·借记卡、三星支付</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="26"/>
        <source>화면의 QR을 앱으로 스캔</source>
        <translation>用App扫描屏幕上的二维码</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="27"/>
        <source>카카오페이·네이버페이·제로페이</source>
        <translation>Kakao Pay、Naver Pay、ZeroPay</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="63"/>
        <source>결제 방법을 선택해 주세요</source>
        <translation>请选择支付方式</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="88"/>
        <source>결제를 취소했습니다. 결제된 금액은 없습니다.</source>
        <translation>付款已取消，未扣款。</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="98"/>
        <source>결제 금액 %1</source>
        <translation>支付金额 %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="185"/>
        <source>이전</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>ResultScreen</name>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="35"/>
        <source>결제가 완료되었습니다</source>
        <translation>支付成功</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="56"/>
        <source>주문번호</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="72"/>
        <source>주문번호 %1</source>
        <translation>订单号 %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="78"/>
        <source>번호가 불리면 카운터에서 받아 가세요</source>
        <translation>叫号后请到柜台取餐</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="93"/>
        <source>감사합니다. 또 오세요!</source>
        <translation>谢谢光临，欢迎再来！</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="89"/>
        <source>영수증을 출력할까요?</source>
        <translation>需要打印小票吗？</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="90"/>
        <source>영수증을 출력하고 있습니다…</source>
        <translation>正在打印收据…</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="91"/>
        <source>영수증이 출력되었습니다. 감사합니다!</source>
        <translation>收据已打印。谢谢！</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="92"/>
        <source>영수증을 출력하지 못했습니다.</source>
        <translation>收据未能打印。</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="115"/>
        <source>영수증 출력</source>
        <translation>打印小票</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="122"/>
        <source>출력 안 함</source>
        <translation>不需要</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="131"/>
        <source>처음으로 (%1초)</source>
        <translation>返回首页（%1 秒）</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="132"/>
        <source>처음으로</source>
        <translation>返回首页</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="161"/>
        <source>프린터에 문제가 있어 영수증을 화면에 보여 드립니다. 직원이 곧 다시 출력해 드립니다.</source>
        <translation>打印机出现问题，收据显示在屏幕上。工作人员稍后会为您重新打印。</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="208"/>
        <source>영수증</source>
        <translation>收据</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="242"/>
        <location filename="../qml/customer/ResultScreen.qml" line="247"/>
        <source>영수증 QR</source>
        <translation>收据二维码</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../qml/customer/TopBar.qml" line="52"/>
        <source>프린터 점검 필요</source>
        <translation>打印机需要检查</translation>
    </message>
    <message>
        <location filename="../qml/customer/TopBar.qml" line="56"/>
        <source>프린터 점검</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../qml/customer/TopBar.qml" line="112"/>
        <location filename="../qml/customer/TopBar.qml" line="113"/>
        <source>직원 호출됨</source>
        <translation>已呼叫店员</translation>
    </message>
    <message>
        <location filename="../qml/customer/TopBar.qml" line="112"/>
        <location filename="../qml/customer/TopBar.qml" line="113"/>
        <source>직원 호출</source>
        <translation>呼叫店员</translation>
    </message>
</context>
<context>
    <name>VoiceButton</name>
    <message>
        <location filename="../qml/common/VoiceButton.qml" line="15"/>
        <source>음성 안내</source>
        <translation>语音导览</translation>
    </message>
    <message>
        <location filename="../qml/common/VoiceButton.qml" line="16"/>
        <source>음성 안내 켜기</source>
        <translation>打开语音导览</translation>
    </message>
    <message>
        <location filename="../qml/common/VoiceButton.qml" line="16"/>
        <source>음성 안내 끄기</source>
        <translation>关闭语音导览</translation>
    </message>
</context>
</TS>

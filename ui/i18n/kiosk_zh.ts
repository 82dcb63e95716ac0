<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh" sourcelanguage="ko">
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="110"/>
        <source>어서 오세요</source>
        <translation>欢迎光临</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="136"/>
        <source>화면을 터치해 주문하세요</source>
        <translation>触摸屏幕开始点餐</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="136"/>
        <source>준비 중입니다. 잠시만 기다려 주세요</source>
        <translation>正在准备，请稍候</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="26"/>
        <location filename="../qml/customer/AttractScreen.qml" line="138"/>
        <source>주문 시작</source>
        <translation>开始点餐</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="138"/>
        <source>준비 중</source>
        <translation>准备中</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="163"/>
        <source>큰 글씨 · 쉬운 주문</source>
        <translation>大字 · 简易点餐</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="164"/>
        <source>큰 글씨 쉬운 주문 끄기</source>
        <translation>关闭大字简易点餐</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="164"/>
        <source>큰 글씨 쉬운 주문 켜기</source>
        <translation>开启大字简易点餐</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="177"/>
        <source>낮은 화면</source>
        <translation>低位屏幕</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="178"/>
        <source>낮은 화면 끄기</source>
        <translation>关闭低位屏幕</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="178"/>
        <source>낮은 화면 켜기</source>
        <translation>开启低位屏幕</translation>
    </message>
</context>
<context>
    <name>CartBar</name>
    <message>
        <location filename="../qml/customer/CartBar.qml" line="32"/>
        <source>처음으로</source>
        <translation>返回首页</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartBar.qml" line="46"/>
        <source>장바구니 %1개, %2</source>
        <translation>购物车 %1 件，%2</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartBar.qml" line="73"/>
        <location filename="../qml/customer/CartBar.qml" line="75"/>
        <source>장바구니</source>
        <translation>购物车</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartBar.qml" line="107"/>
        <source>주문하기</source>
        <translation>去结算</translation>
    </message>
</context>
<context>
    <name>CartScreen</name>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="27"/>
        <source>주문 내역을 확인해 주세요</source>
        <translation>请确认您的订单</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="137"/>
        <source>%1 수량 줄이기</source>
        <translation>%1 数量减一</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="160"/>
        <source>%1 수량 늘리기</source>
        <translation>%1 数量加一</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="168"/>
        <source>삭제</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="169"/>
        <source>%1 삭제</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="228"/>
        <source>주문 방식</source>
        <translation>用餐方式</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="235"/>
        <source>매장</source>
        <translation>堂食</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="242"/>
        <source>포장</source>
        <translation>外带</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="258"/>
        <source>총 %1개</source>
        <translation>共 %1 件</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="266"/>
        <source>부가세 %1 포함</source>
        <translation>含增值税 %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="310"/>
        <source>메뉴 더 담기</source>
        <translation>继续点餐</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="323"/>
        <source>%1 결제하기</source>
        <translation>支付 %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="324"/>
        <source>잠시만 기다려 주세요</source>
        <translation>请稍候</translation>
    </message>
</context>
<context>
    <name>CounterViewModel</name>
    <message>
        <location filename="../counter/viewmodel.py" line="143"/>
        <source>영업 전</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="144"/>
        <source>영업 중 {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="166"/>
        <source>개점했습니다 · 시재금 {amount}원</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="175"/>
        <source>출금 {amount}원 기록</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="175"/>
        <source>입금 {amount}원 기록</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="185"/>
        <source>금전함을 열었습니다 (노세일)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="209"/>
        <source>마감했습니다 (Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="232"/>
        <source>인쇄했습니다</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="232"/>
        <source>인쇄 실패: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="244"/>
        <source>ko</source>
        <comment>the catalog language of this translation: ko, en, zh or ja</comment>
        <translation>zh</translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="347"/>
        <source>보류 {number}번</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="351"/>
        <source>보류 {number}번을 불러왔습니다</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="357"/>
        <source>{name} 추가</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="368"/>
        <source>할인 한도 초과: 점장 또는 점주 PIN이 필요합니다</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="404"/>
        <source>{name} 승인</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="467"/>
        <source>카드 단말기에서 결제하세요</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="467"/>
        <source>결제 진행 중</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="480"/>
        <source>발급 대기 (자진발급 예정)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="480"/>
        <source>발급</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="481"/>
        <source>현금영수증 {masked} {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="486"/>
        <source>주문번호 {number} · {total}원</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="491"/>
        <source>결제 완료 · 거스름돈 {change}원</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="492"/>
        <source>결제 완료</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="510"/>
        <source>금전함을 열었습니다: 권종별로 세어 입력하세요</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="523"/>
        <source>현금영수증 {masked}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="541"/>
        <source>현금 환불 {amount}원 · 금전함에서 지급</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EasyNavBar</name>
    <message>
        <location filename="../qml/customer/EasyNavBar.qml" line="53"/>
        <location filename="../qml/customer/EasyNavBar.qml" line="54"/>
        <source>처음으로</source>
        <translation>返回首页</translation>
    </message>
    <message>
        <location filename="../qml/customer/EasyNavBar.qml" line="63"/>
        <source>이전</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../qml/customer/EasyNavBar.qml" line="64"/>
        <source>이전 화면으로</source>
        <translation>返回上一画面</translation>
    </message>
    <message>
        <location filename="../qml/customer/EasyNavBar.qml" line="75"/>
        <location filename="../qml/customer/EasyNavBar.qml" line="76"/>
        <source>도움말</source>
        <translation>帮助</translation>
    </message>
    <message>
        <location filename="../qml/customer/EasyNavBar.qml" line="131"/>
        <source>처음으로 돌아갈까요?</source>
        <translation>要返回首页吗？</translation>
    </message>
    <message>
        <location filename="../qml/customer/EasyNavBar.qml" line="142"/>
        <source>담은 메뉴 %1개가 지워집니다.</source>
        <translation>购物车中的 %1 件商品将被清除。</translation>
    </message>
    <message>
        <location filename="../qml/customer/EasyNavBar.qml" line="153"/>
        <source>계속 주문하기</source>
        <translation>继续点餐</translation>
    </message>
    <message>
        <location filename="../qml/customer/EasyNavBar.qml" line="161"/>
        <source>처음으로 (메뉴 지우기)</source>
        <translation>返回首页（清空购物车）</translation>
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
    <name>Keypad</name>
    <message>
        <location filename="../qml/counter/Keypad.qml" line="30"/>
        <source>지우기</source>
        <translation type="unfinished"></translation>
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
        <location filename="../qml/customer/MenuScreen.qml" line="20"/>
        <source>품절된 메뉴입니다. 다른 메뉴를 골라 주세요.</source>
        <translation>该商品已售罄，请选择其他商品。</translation>
    </message>
    <message>
        <location filename="../qml/customer/MenuScreen.qml" line="21"/>
        <source>장바구니에 담았습니다.</source>
        <translation>已加入购物车。</translation>
    </message>
    <message>
        <location filename="../qml/customer/MenuScreen.qml" line="22"/>
        <source>먼저 메뉴를 골라 주세요.</source>
        <translation>请先选择菜单。</translation>
    </message>
    <message>
        <location filename="../qml/customer/MenuScreen.qml" line="102"/>
        <source>%1, 선택됨</source>
        <translation>%1，已选择</translation>
    </message>
    <message>
        <location filename="../qml/customer/MenuScreen.qml" line="186"/>
        <location filename="../qml/customer/MenuScreen.qml" line="225"/>
        <source>품절</source>
        <translation>售罄</translation>
    </message>
</context>
<context>
    <name>OptionsScreen</name>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="148"/>
        <source>필수 ✓</source>
        <translation>必选 ✓</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="148"/>
        <source>필수</source>
        <translation>必选</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="149"/>
        <source>선택 (최대 %1개)</source>
        <translation>可选（最多 %1 个）</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="177"/>
        <location filename="../qml/customer/OptionsScreen.qml" line="178"/>
        <source>품절</source>
        <translation>售罄</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="179"/>
        <source>선택됨</source>
        <translation>已选择</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="197"/>
        <source>%1 빼기</source>
        <translation>减少 %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="228"/>
        <source>%1 더하기</source>
        <translation>增加 %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="279"/>
        <source>수량</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="288"/>
        <source>수량 줄이기</source>
        <translation>减少数量</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="304"/>
        <source>수량 %1</source>
        <translation>数量 %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="309"/>
        <source>수량 늘리기</source>
        <translation>增加数量</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="335"/>
        <source>다음</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="267"/>
        <source>필수 옵션을 골라 주세요</source>
        <translation>请选择必选项</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="140"/>
        <source>%1 (%2/%3)</source>
        <translation>%1 (%2/%3)</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="324"/>
        <source>취소</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="324"/>
        <source>이전</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="335"/>
        <source>%1 담기</source>
        <translation>加入 · %1</translation>
    </message>
</context>
<context>
    <name>OrderTypeScreen</name>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="40"/>
        <source>어디에서 드시나요?</source>
        <translation>堂食还是外带？</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="55"/>
        <source>매장에서 먹어요</source>
        <translation>在店内用餐</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="55"/>
        <source>매장</source>
        <translation>堂食</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="55"/>
        <source>포장해 갈게요</source>
        <translation>打包带走</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="55"/>
        <source>포장</source>
        <translation>外带</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="135"/>
        <source>큰 글씨 · 쉬운 주문</source>
        <translation>大字 · 简易点餐</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="136"/>
        <source>큰 글씨 쉬운 주문 끄기</source>
        <translation>关闭大字简易点餐</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="136"/>
        <source>큰 글씨 쉬운 주문 켜기</source>
        <translation>开启大字简易点餐</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="119"/>
        <source>처음으로</source>
        <translation>返回首页</translation>
    </message>
</context>
<context>
    <name>PayingScreen</name>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="18"/>
        <source>카드를 단말기에 꽂거나 대 주세요</source>
        <translation>请将银行卡插入或贴近刷卡机</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="20"/>
        <source>휴대폰 결제 앱으로 QR을 찍어 주세요</source>
        <translation>请用手机支付应用扫描二维码</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="22"/>
        <source>결제 앱의 바코드를 스캐너에 보여 주세요</source>
        <translation>请将支付App的条码对准扫描器</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="23"/>
        <source>결제 중입니다. 잠시만 기다려 주세요</source>
        <translation>正在支付，请稍候</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="27"/>
        <source>화면 아래 오른쪽 카드 단말기</source>
        <translation>屏幕右下方的刷卡机</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="29"/>
        <source>화면 아래 스캐너</source>
        <translation>屏幕下方的扫描器</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="96"/>
        <source>남은 시간 %1</source>
        <translation>剩余时间 %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="104"/>
        <source>QR 결제 남은 시간 %1</source>
        <translation>二维码支付剩余时间 %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="118"/>
        <source>결제 금액 %1</source>
        <translation>支付金额 %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="170"/>
        <source>결제 취소</source>
        <translation>取消支付</translation>
    </message>
</context>
<context>
    <name>PaymentFailedScreen</name>
    <message>
        <location filename="../qml/customer/PaymentFailedScreen.qml" line="46"/>
        <source>결제가 완료되지 않았습니다</source>
        <translation>支付未完成</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentFailedScreen.qml" line="59"/>
        <source>결제가 승인되지 않았습니다.</source>
        <translation>付款未获批准。</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentFailedScreen.qml" line="68"/>
        <source>다시 시도하거나 다른 결제 방법을 골라 주세요.</source>
        <translation>请重试或选择其他支付方式。</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentFailedScreen.qml" line="82"/>
        <source>다시 시도</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentFailedScreen.qml" line="90"/>
        <source>다른 결제 방법</source>
        <translation>其他支付方式</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentFailedScreen.qml" line="97"/>
        <source>장바구니로 돌아가기</source>
        <translation>返回购物车</translation>
    </message>
</context>
<context>
    <name>PaymentMethodScreen</name>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="18"/>
        <source>카드 결제</source>
        <translation>刷卡支付</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="20"/>
        <source>QR 결제</source>
        <translation>二维码支付</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="21"/>
        <source>바코드 결제</source>
        <translation>条码支付</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="25"/>
        <source>신용·체크카드, 삼성페이</source>
        <translation>信用卡·借记卡、三星支付</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="27"/>
        <source>화면의 QR을 앱으로 스캔</source>
        <translation>用App扫描屏幕上的二维码</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="28"/>
        <source>카카오페이·네이버페이·제로페이</source>
        <translation>Kakao Pay、Naver Pay、ZeroPay</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="64"/>
        <source>결제 방법을 선택해 주세요</source>
        <translation>请选择支付方式</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="89"/>
        <source>결제를 취소했습니다. 결제된 금액은 없습니다.</source>
        <translation>付款已取消，未扣款。</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="99"/>
        <source>결제 금액 %1</source>
        <translation>支付金额 %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="187"/>
        <source>이전</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="42"/>
        <source>관리자 화면</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="43"/>
        <source>카운터 주문</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="44"/>
        <source>설치 · 점검</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="48"/>
        <source>매출, 주문과 환불, 품절, 직원 관리</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="49"/>
        <source>직원이 주문을 받습니다</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="50"/>
        <source>장치와 설정</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="57"/>
        <source>%1님, 자신의 PIN을 정하세요</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="59"/>
        <source>같은 PIN을 한 번 더 입력하세요</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="61"/>
        <source>%1님, 어디로 들어갈까요?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="62"/>
        <source>%1님, PIN을 입력하세요</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="62"/>
        <source>직원 PIN을 입력하세요</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="66"/>
        <source>처음 로그인했습니다. 임시 PIN 대신 쓸 숫자 6자리를 정하세요. 같은 숫자 반복이나 연속된 숫자는 쓸 수 없습니다.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="68"/>
        <source>확인을 위해 한 번 더 입력합니다.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="71"/>
        <source>이 단말기에는 %1님이 쓸 수 있는 화면이 아직 없습니다. 로그아웃하세요.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="72"/>
        <source>들어갈 화면을 고르세요.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="73"/>
        <source>카드를 확인했습니다. 숫자 6자리를 누르세요.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="74"/>
        <source>숫자 6자리를 누르세요. 직원 카드가 있으면 카드를 대도 됩니다.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="78"/>
        <source>PIN이 맞지 않습니다. 다시 입력하세요.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="79"/>
        <source>PIN이 여러 번 틀렸습니다. %1초 후에 다시 입력할 수 있습니다.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="80"/>
        <source>PIN이 10번 틀려 잠겼습니다. %1분 후에 다시 시도하세요. 급하면 점주에게 PIN 재설정을 요청하세요.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="81"/>
        <source>점주 PIN이 아직 없습니다. 설치 기사가 단말기에서 &apos;kiosk staff init-owner&apos; 명령으로 점주와 PIN을 등록합니다 (안내서 STAFF.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="82"/>
        <source>등록되지 않은 카드입니다.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="83"/>
        <source>임시 PIN이 만료되었습니다. 점주에게 PIN 재설정을 요청하세요.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="84"/>
        <source>쉽게 맞힐 수 있는 PIN이나 임시 PIN은 쓸 수 없습니다. 다른 6자리를 정하세요.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="85"/>
        <source>두 번 입력한 PIN이 다릅니다. 처음부터 다시 정하세요.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="86"/>
        <source>이 PIN은 쓸 수 없습니다. 다른 PIN을 정하세요.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="87"/>
        <source>PIN을 바꾸지 못했습니다. 임시 PIN으로 다시 로그인하세요.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="88"/>
        <source>결제가 진행 중입니다. 결제가 끝난 뒤 다시 시도하세요.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="89"/>
        <source>이 화면에 들어갈 권한이 없습니다.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="90"/>
        <source>이 단말기에는 그 화면이 없습니다.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="91"/>
        <source>처리하지 못했습니다. 다시 시도하세요.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="139"/>
        <source>%1자리 입력됨</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="154"/>
        <source>확인 중…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="186"/>
        <source>지우기</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="187"/>
        <source>모두 지우기</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="187"/>
        <source>한 자리 지우기</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="225"/>
        <source>취소</source>
        <translation type="unfinished">取消</translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="225"/>
        <source>로그아웃</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultScreen</name>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="86"/>
        <source>결제가 완료되었습니다</source>
        <translation>支付成功</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="118"/>
        <source>주문번호</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="135"/>
        <source>주문번호 %1</source>
        <translation>订单号 %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="143"/>
        <source>번호가 불리면 카운터에서 받아 가세요</source>
        <translation>叫号后请到柜台取餐</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="179"/>
        <source>감사합니다. 또 오세요!</source>
        <translation>谢谢光临，欢迎再来！</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="155"/>
        <location filename="../qml/customer/ResultScreen.qml" line="175"/>
        <source>영수증을 출력할까요?</source>
        <translation>需要打印小票吗？</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="176"/>
        <source>영수증을 출력하고 있습니다…</source>
        <translation>正在打印收据…</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="177"/>
        <source>영수증이 출력되었습니다. 감사합니다!</source>
        <translation>收据已打印。谢谢！</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="178"/>
        <source>영수증을 출력하지 못했습니다.</source>
        <translation>收据未能打印。</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="212"/>
        <source>영수증 출력</source>
        <translation>打印小票</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="222"/>
        <source>출력 안 함</source>
        <translation>不需要</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="234"/>
        <source>처음으로 (%1초)</source>
        <translation>返回首页（%1 秒）</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="235"/>
        <source>처음으로</source>
        <translation>返回首页</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="269"/>
        <source>프린터에 문제가 있어 영수증을 화면에 보여 드립니다. 직원이 곧 다시 출력해 드립니다.</source>
        <translation>打印机出现问题，收据显示在屏幕上。工作人员稍后会为您重新打印。</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="316"/>
        <source>영수증</source>
        <translation>收据</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="350"/>
        <location filename="../qml/customer/ResultScreen.qml" line="355"/>
        <source>영수증 QR</source>
        <translation>收据二维码</translation>
    </message>
</context>
<context>
    <name>Root</name>
    <message>
        <location filename="../qml/counter/Root.qml" line="63"/>
        <location filename="../qml/counter/Root.qml" line="456"/>
        <source>로그아웃</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="120"/>
        <source>상품 코드 / 바코드</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="127"/>
        <source>코드·바코드</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="151"/>
        <source>품절</source>
        <translation>售罄</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="239"/>
        <location filename="../qml/counter/Root.qml" line="349"/>
        <source>매장</source>
        <translation type="unfinished">堂食</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="246"/>
        <location filename="../qml/counter/Root.qml" line="349"/>
        <source>포장</source>
        <translation type="unfinished">外带</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="280"/>
        <location filename="../qml/counter/Root.qml" line="314"/>
        <location filename="../qml/counter/Root.qml" line="334"/>
        <location filename="../qml/counter/Root.qml" line="579"/>
        <source>할인</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="322"/>
        <source>합계</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="331"/>
        <source>−1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="331"/>
        <source>+1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="332"/>
        <source>삭제</source>
        <translation type="unfinished">删除</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="332"/>
        <source>비우기</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="333"/>
        <location filename="../qml/counter/Root.qml" line="621"/>
        <source>보류</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="333"/>
        <source>불러오기</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="334"/>
        <source>노세일</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="335"/>
        <location filename="../qml/counter/Root.qml" line="579"/>
        <source>입금</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="335"/>
        <location filename="../qml/counter/Root.qml" line="579"/>
        <source>출금</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="336"/>
        <source>환불</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="336"/>
        <source>X 점검</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="337"/>
        <source>마감</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="337"/>
        <location filename="../qml/counter/Root.qml" line="455"/>
        <source>Z 조회</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="350"/>
        <location filename="../qml/counter/Root.qml" line="554"/>
        <source>기능</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="376"/>
        <source>결제</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="435"/>
        <source>개점 · 시재금 입력</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="452"/>
        <source>개점</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="465"/>
        <source>결제 · 받을 금액</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="485"/>
        <source>입력</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="485"/>
        <location filename="../qml/counter/Root.qml" line="503"/>
        <location filename="../qml/counter/Root.qml" line="663"/>
        <source>현금영수증</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="496"/>
        <source>현금 정확히</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="497"/>
        <source>현금 받음</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="497"/>
        <source>입력 금액</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="478"/>
        <location filename="../qml/counter/Root.qml" line="500"/>
        <source>카드</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="500"/>
        <source>분할</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="501"/>
        <source>QR·간편결제</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="478"/>
        <location filename="../qml/counter/Root.qml" line="502"/>
        <source>온누리상품권</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="22"/>
        <source>%1원</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="478"/>
        <source>현금</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="478"/>
        <source>간편결제</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="479"/>
        <source>받음</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="502"/>
        <source>권면 금액 입력</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="504"/>
        <source>결제 취소</source>
        <translation type="unfinished">取消支付</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="529"/>
        <source>거스름돈</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="545"/>
        <location filename="../qml/counter/Root.qml" line="641"/>
        <source>확인</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="571"/>
        <location filename="../qml/counter/Root.qml" line="750"/>
        <source>닫기</source>
        <translation type="unfinished">关闭</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="579"/>
        <source>노세일: 금전함 열기</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="580"/>
        <source>현금 환불 (주문번호)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="580"/>
        <source>보류 불러오기</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="590"/>
        <source>잔돈 교환</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="590"/>
        <source>시재 확인</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="590"/>
        <location filename="../qml/counter/Root.qml" line="591"/>
        <location filename="../qml/counter/Root.qml" line="592"/>
        <source>기타</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="591"/>
        <source>잔돈 입금</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="592"/>
        <source>재료 구입</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="592"/>
        <source>택배비</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="593"/>
        <source>단골</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="593"/>
        <source>직원</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="593"/>
        <source>유통기한 임박</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="593"/>
        <source>서비스</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="594"/>
        <source>고객 변심</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="594"/>
        <source>주문 실수</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="594"/>
        <source>상품 문제</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="610"/>
        <source>원</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="612"/>
        <source>주문 전체</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="613"/>
        <source>선택 상품</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="621"/>
        <source>개</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="628"/>
        <source>주문</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="654"/>
        <location filename="../qml/counter/Root.qml" line="734"/>
        <location filename="../qml/counter/Root.qml" line="791"/>
        <source>취소</source>
        <translation type="unfinished">取消</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="673"/>
        <source>휴대폰</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="673"/>
        <source>현금영수증카드</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="673"/>
        <source>사업자번호</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="676"/>
        <source>소득공제</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="677"/>
        <source>지출증빙</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="691"/>
        <source>적용</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="692"/>
        <source>발급 안 함</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="701"/>
        <source>마감 · 권종별 시재 입력</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="723"/>
        <source>실제 현금</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="724"/>
        <source>예상</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="724"/>
        <source>차액</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="733"/>
        <source>마감 (Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="743"/>
        <source>보고서</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="751"/>
        <source>인쇄</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="769"/>
        <source>시재 차액 승인: 점주 PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="769"/>
        <source>승인: 점장 또는 점주 PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="790"/>
        <source>승인</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignOutWarning</name>
    <message>
        <location filename="../qml/staff/SignOutWarning.qml" line="31"/>
        <source>%1초 후 자동으로 로그아웃합니다.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/SignOutWarning.qml" line="45"/>
        <source>계속 사용하기</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffManagement</name>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="26"/>
        <source>점주</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="27"/>
        <source>매니저</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="28"/>
        <source>직원</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="29"/>
        <source>설치 기사</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="33"/>
        <source>PIN 설정됨</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="34"/>
        <source>임시 PIN (첫 로그인 때 바꿈)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="35"/>
        <source>PIN 없음</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="38"/>
        <source>추가했습니다.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="39"/>
        <source>삭제했습니다. 이 사람의 PIN과 카드는 더 이상 쓸 수 없습니다.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="40"/>
        <source>역할을 바꿨습니다.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="41"/>
        <source>카드를 등록했습니다.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="42"/>
        <source>PIN을 재설정했습니다.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="46"/>
        <source>권한이 없습니다. 매니저는 직원만 관리할 수 있습니다. 점주에게 요청하세요.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="47"/>
        <source>마지막 점주는 삭제하거나 역할을 바꿀 수 없습니다. 먼저 다른 점주를 추가하세요.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="48"/>
        <source>결제 카드는 등록할 수 없습니다. 직원 카드(일반 NFC 카드나 태그)를 대 주세요.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="49"/>
        <source>이미 다른 사람에게 등록된 카드입니다. 그 사람의 카드를 먼저 지우세요.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="50"/>
        <source>카드를 읽지 못했습니다. 다시 대고 잠시 그대로 두세요.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="51"/>
        <source>이름은 1~64자로 입력하세요.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="52"/>
        <source>이미 목록에 없는 사람입니다.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="53"/>
        <source>처리하지 못했습니다. 다시 시도하세요.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="66"/>
        <source>직원 관리</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="80"/>
        <source>+ 직원 추가</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="151"/>
        <source> (나)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="162"/>
        <source>카드 등록됨</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="162"/>
        <source>카드 없음</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="179"/>
        <source>역할 변경</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="185"/>
        <source>카드 다시 등록</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="185"/>
        <source>카드 등록</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="191"/>
        <source>PIN 재설정</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="197"/>
        <location filename="../qml/staff/StaffManagement.qml" line="344"/>
        <source>삭제</source>
        <translation type="unfinished">删除</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="212"/>
        <source>직원 추가</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="216"/>
        <source>이름</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="243"/>
        <source>역할</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="264"/>
        <source>추가하면 임시 PIN을 한 번만 보여 드립니다. 그 사람이 처음 로그인할 때 자신의 PIN으로 바꿉니다.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="280"/>
        <source>추가</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="289"/>
        <location filename="../qml/staff/StaffManagement.qml" line="319"/>
        <location filename="../qml/staff/StaffManagement.qml" line="352"/>
        <location filename="../qml/staff/StaffManagement.qml" line="375"/>
        <source>취소</source>
        <translation type="unfinished">取消</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="298"/>
        <source>%1님의 역할</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="327"/>
        <source>%1님을 삭제할까요?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="331"/>
        <source>삭제하면 이 사람의 PIN과 카드로는 더 이상 로그인할 수 없습니다. 판매 기록은 그대로 남습니다.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="360"/>
        <source>%1님의 카드를 리더기에 대 주세요</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="364"/>
        <source>직원 카드(일반 NFC 카드나 태그)를 대면 바로 등록됩니다. 결제 카드는 등록할 수 없습니다.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="383"/>
        <source>%1님의 임시 PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="398"/>
        <source>지금 한 번만 보여 드립니다. 본인에게 알려 주세요. 처음 로그인할 때 자신의 PIN으로 바꾸며, 24시간 안에 바꾸지 않으면 쓸 수 없게 됩니다.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="410"/>
        <source>확인했습니다</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="424"/>
        <source>처리 중…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../qml/customer/TopBar.qml" line="62"/>
        <source>프린터 점검 필요</source>
        <translation>打印机需要检查</translation>
    </message>
    <message>
        <location filename="../qml/customer/TopBar.qml" line="66"/>
        <source>프린터 점검</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../qml/customer/TopBar.qml" line="149"/>
        <location filename="../qml/customer/TopBar.qml" line="150"/>
        <source>직원 호출됨</source>
        <translation>已呼叫店员</translation>
    </message>
    <message>
        <location filename="../qml/customer/TopBar.qml" line="149"/>
        <location filename="../qml/customer/TopBar.qml" line="150"/>
        <source>직원 호출</source>
        <translation>呼叫店员</translation>
    </message>
    <message>
        <location filename="../qml/customer/TopBar.qml" line="132"/>
        <source>낮은 화면</source>
        <translation>低位画面</translation>
    </message>
    <message>
        <location filename="../qml/customer/TopBar.qml" line="133"/>
        <source>낮은 화면 끄기</source>
        <translation>关闭低位画面</translation>
    </message>
    <message>
        <location filename="../qml/customer/TopBar.qml" line="133"/>
        <source>낮은 화면 켜기</source>
        <translation>开启低位画面</translation>
    </message>
</context>
<context>
    <name>VoiceButton</name>
    <message>
        <location filename="../qml/common/VoiceButton.qml" line="18"/>
        <source>음성 안내</source>
        <translation>语音导览</translation>
    </message>
    <message>
        <location filename="../qml/common/VoiceButton.qml" line="19"/>
        <source>음성 안내 켜기</source>
        <translation>打开语音导览</translation>
    </message>
    <message>
        <location filename="../qml/common/VoiceButton.qml" line="19"/>
        <source>음성 안내 끄기</source>
        <translation>关闭语音导览</translation>
    </message>
</context>
</TS>

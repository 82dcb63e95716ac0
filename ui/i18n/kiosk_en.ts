<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="ko">
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="110"/>
        <source>어서 오세요</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="136"/>
        <source>화면을 터치해 주문하세요</source>
        <translation>Touch to order</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="136"/>
        <source>준비 중입니다. 잠시만 기다려 주세요</source>
        <translation>Getting ready, one moment please</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="26"/>
        <location filename="../qml/customer/AttractScreen.qml" line="138"/>
        <source>주문 시작</source>
        <translation>Start order</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="138"/>
        <source>준비 중</source>
        <translation>Getting ready</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="163"/>
        <source>큰 글씨 · 쉬운 주문</source>
        <translation>Large text · Easy order</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="164"/>
        <source>큰 글씨 쉬운 주문 끄기</source>
        <translation>Turn off large text, easy order</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="164"/>
        <source>큰 글씨 쉬운 주문 켜기</source>
        <translation>Turn on large text, easy order</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="177"/>
        <source>낮은 화면</source>
        <translation>Lower screen</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="178"/>
        <source>낮은 화면 끄기</source>
        <translation>Lower screen off</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="178"/>
        <source>낮은 화면 켜기</source>
        <translation>Lower screen on</translation>
    </message>
</context>
<context>
    <name>CartBar</name>
    <message>
        <location filename="../qml/customer/CartBar.qml" line="32"/>
        <source>처음으로</source>
        <translation>Start over</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartBar.qml" line="46"/>
        <source>장바구니 %1개, %2</source>
        <translation>Cart, %1 items, %2</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartBar.qml" line="73"/>
        <location filename="../qml/customer/CartBar.qml" line="75"/>
        <source>장바구니</source>
        <translation>Cart</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartBar.qml" line="107"/>
        <source>주문하기</source>
        <translation>Order</translation>
    </message>
</context>
<context>
    <name>CartScreen</name>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="27"/>
        <source>주문 내역을 확인해 주세요</source>
        <translation>Please check your order</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="137"/>
        <source>%1 수량 줄이기</source>
        <translation>One less %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="160"/>
        <source>%1 수량 늘리기</source>
        <translation>One more %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="168"/>
        <source>삭제</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="169"/>
        <source>%1 삭제</source>
        <translation>Remove %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="228"/>
        <source>주문 방식</source>
        <translation>Order type</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="235"/>
        <source>매장</source>
        <translation>Dine in</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="242"/>
        <source>포장</source>
        <translation>Take out</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="258"/>
        <source>총 %1개</source>
        <translation>%1 items</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="266"/>
        <source>부가세 %1 포함</source>
        <translation>incl. VAT %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="310"/>
        <source>메뉴 더 담기</source>
        <translation>Add more</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="323"/>
        <source>%1 결제하기</source>
        <translation>Pay %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="324"/>
        <source>잠시만 기다려 주세요</source>
        <translation>One moment, please</translation>
    </message>
</context>
<context>
    <name>CounterViewModel</name>
    <message>
        <location filename="../counter/viewmodel.py" line="143"/>
        <source>영업 전</source>
        <translation>Not open</translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="144"/>
        <source>영업 중 {date}</source>
        <translation>Open {date}</translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="166"/>
        <source>개점했습니다 · 시재금 {amount}원</source>
        <translation>Day opened · float ₩{amount}</translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="175"/>
        <source>출금 {amount}원 기록</source>
        <translation>Paid out ₩{amount} recorded</translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="175"/>
        <source>입금 {amount}원 기록</source>
        <translation>Paid in ₩{amount} recorded</translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="185"/>
        <source>금전함을 열었습니다 (노세일)</source>
        <translation>Drawer opened (no sale)</translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="209"/>
        <source>마감했습니다 (Z)</source>
        <translation>Day closed (Z)</translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="232"/>
        <source>인쇄했습니다</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="232"/>
        <source>인쇄 실패: {message}</source>
        <translation>Not printed: {message}</translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="244"/>
        <source>ko</source>
        <comment>the catalog language of this translation: ko, en, zh or ja</comment>
        <translation>en</translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="347"/>
        <source>보류 {number}번</source>
        <translation>Held as no. {number}</translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="351"/>
        <source>보류 {number}번을 불러왔습니다</source>
        <translation>Held ticket {number} recalled</translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="357"/>
        <source>{name} 추가</source>
        <translation>{name} added</translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="368"/>
        <source>할인 한도 초과: 점장 또는 점주 PIN이 필요합니다</source>
        <translation>Over the discount limit: a manager&apos;s or the owner&apos;s PIN</translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="404"/>
        <source>{name} 승인</source>
        <translation>Approved by {name}</translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="467"/>
        <source>카드 단말기에서 결제하세요</source>
        <translation>Pay on the card terminal</translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="467"/>
        <source>결제 진행 중</source>
        <translation>Payment in progress</translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="480"/>
        <source>발급 대기 (자진발급 예정)</source>
        <translation>due (self-issue)</translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="480"/>
        <source>발급</source>
        <translation>issued</translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="481"/>
        <source>현금영수증 {masked} {state}</source>
        <translation>cash receipt {masked} {state}</translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="486"/>
        <source>주문번호 {number} · {total}원</source>
        <translation>Order {number} · ₩{total}</translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="491"/>
        <source>결제 완료 · 거스름돈 {change}원</source>
        <translation>Paid · change ₩{change}</translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="492"/>
        <source>결제 완료</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="510"/>
        <source>금전함을 열었습니다: 권종별로 세어 입력하세요</source>
        <translation>Drawer open: count the cash by denomination</translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="523"/>
        <source>현금영수증 {masked}</source>
        <translation>Cash receipt {masked}</translation>
    </message>
    <message>
        <location filename="../counter/viewmodel.py" line="541"/>
        <source>현금 환불 {amount}원 · 금전함에서 지급</source>
        <translation>Cash refund ₩{amount} · paid from the drawer</translation>
    </message>
</context>
<context>
    <name>EasyNavBar</name>
    <message>
        <location filename="../qml/customer/EasyNavBar.qml" line="53"/>
        <location filename="../qml/customer/EasyNavBar.qml" line="54"/>
        <source>처음으로</source>
        <translation>Start over</translation>
    </message>
    <message>
        <location filename="../qml/customer/EasyNavBar.qml" line="63"/>
        <source>이전</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../qml/customer/EasyNavBar.qml" line="64"/>
        <source>이전 화면으로</source>
        <translation>Back to the previous screen</translation>
    </message>
    <message>
        <location filename="../qml/customer/EasyNavBar.qml" line="75"/>
        <location filename="../qml/customer/EasyNavBar.qml" line="76"/>
        <source>도움말</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../qml/customer/EasyNavBar.qml" line="131"/>
        <source>처음으로 돌아갈까요?</source>
        <translation>Start over?</translation>
    </message>
    <message>
        <location filename="../qml/customer/EasyNavBar.qml" line="142"/>
        <source>담은 메뉴 %1개가 지워집니다.</source>
        <translation>The %1 item(s) in your cart will be removed.</translation>
    </message>
    <message>
        <location filename="../qml/customer/EasyNavBar.qml" line="153"/>
        <source>계속 주문하기</source>
        <translation>Keep ordering</translation>
    </message>
    <message>
        <location filename="../qml/customer/EasyNavBar.qml" line="161"/>
        <source>처음으로 (메뉴 지우기)</source>
        <translation>Start over (empty the cart)</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <location filename="../qml/customer/IdleWarning.qml" line="29"/>
        <source>아직 주문 중이신가요?</source>
        <translation>Are you still ordering?</translation>
    </message>
    <message>
        <location filename="../qml/customer/IdleWarning.qml" line="40"/>
        <source>%1초 후 처음 화면으로 돌아갑니다. 담은 메뉴는 지워집니다.</source>
        <translation>Returning to the start in %1 s. Your cart will be cleared.</translation>
    </message>
    <message>
        <location filename="../qml/customer/IdleWarning.qml" line="54"/>
        <source>시간을 더 주세요</source>
        <translation>I need more time</translation>
    </message>
    <message>
        <location filename="../qml/customer/IdleWarning.qml" line="63"/>
        <source>처음으로</source>
        <translation>Start over</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../qml/counter/Keypad.qml" line="30"/>
        <source>지우기</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>KeypadHelp</name>
    <message>
        <location filename="../qml/customer/KeypadHelp.qml" line="38"/>
        <source>키패드로 주문하기</source>
        <translation>Ordering with the keypad</translation>
    </message>
    <message>
        <location filename="../qml/customer/KeypadHelp.qml" line="45"/>
        <source>◀ ▶ ▲ ▼ : 다음 / 이전 항목으로 이동</source>
        <translation>◀ ▶ ▲ ▼ : next / previous item</translation>
    </message>
    <message>
        <location filename="../qml/customer/KeypadHelp.qml" line="45"/>
        <source>확인 : 고르기, 누르기</source>
        <translation>OK : choose, press</translation>
    </message>
    <message>
        <location filename="../qml/customer/KeypadHelp.qml" line="46"/>
        <source>이전 : 한 단계 뒤로</source>
        <translation>Back : one step back</translation>
    </message>
    <message>
        <location filename="../qml/customer/KeypadHelp.qml" line="46"/>
        <source>도움말 : 이 안내 열기 / 닫기</source>
        <translation>Help : open / close this guide</translation>
    </message>
    <message>
        <location filename="../qml/customer/KeypadHelp.qml" line="47"/>
        <source>음성 안내 : 이어폰을 꽂거나 음성 안내 키</source>
        <translation>Voice guide : plug in earphones or press the voice key</translation>
    </message>
    <message>
        <location filename="../qml/customer/KeypadHelp.qml" line="63"/>
        <source>닫기</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../qml/customer/KeypadHelp.qml" line="64"/>
        <source>도움말 닫기</source>
        <translation>Close help</translation>
    </message>
    <message>
        <location filename="../qml/customer/KeypadHelp.qml" line="72"/>
        <source>직원 호출됨</source>
        <translation>Staff called</translation>
    </message>
    <message>
        <location filename="../qml/customer/KeypadHelp.qml" line="72"/>
        <source>직원 호출</source>
        <translation>Call staff</translation>
    </message>
</context>
<context>
    <name>MenuScreen</name>
    <message>
        <location filename="../qml/customer/MenuScreen.qml" line="20"/>
        <source>품절된 메뉴입니다. 다른 메뉴를 골라 주세요.</source>
        <translation>Sold out. Please choose something else.</translation>
    </message>
    <message>
        <location filename="../qml/customer/MenuScreen.qml" line="21"/>
        <source>장바구니에 담았습니다.</source>
        <translation>Added to your cart.</translation>
    </message>
    <message>
        <location filename="../qml/customer/MenuScreen.qml" line="22"/>
        <source>먼저 메뉴를 골라 주세요.</source>
        <translation>Please choose something from the menu first.</translation>
    </message>
    <message>
        <location filename="../qml/customer/MenuScreen.qml" line="102"/>
        <source>%1, 선택됨</source>
        <translation>%1, selected</translation>
    </message>
    <message>
        <location filename="../qml/customer/MenuScreen.qml" line="186"/>
        <location filename="../qml/customer/MenuScreen.qml" line="225"/>
        <source>품절</source>
        <translation>Sold out</translation>
    </message>
</context>
<context>
    <name>OptionsScreen</name>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="148"/>
        <source>필수 ✓</source>
        <translation>Required ✓</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="148"/>
        <source>필수</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="149"/>
        <source>선택 (최대 %1개)</source>
        <translation>Optional (up to %1)</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="177"/>
        <location filename="../qml/customer/OptionsScreen.qml" line="178"/>
        <source>품절</source>
        <translation>Sold out</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="179"/>
        <source>선택됨</source>
        <translation>selected</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="197"/>
        <source>%1 빼기</source>
        <translation>Less %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="228"/>
        <source>%1 더하기</source>
        <translation>More %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="279"/>
        <source>수량</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="288"/>
        <source>수량 줄이기</source>
        <translation>Fewer</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="304"/>
        <source>수량 %1</source>
        <translation>Quantity %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="309"/>
        <source>수량 늘리기</source>
        <translation>More</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="335"/>
        <source>다음</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="267"/>
        <source>필수 옵션을 골라 주세요</source>
        <translation>Please choose the required options</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="140"/>
        <source>%1 (%2/%3)</source>
        <translation>%1 (%2/%3)</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="324"/>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="324"/>
        <source>이전</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="335"/>
        <source>%1 담기</source>
        <translation>Add · %1</translation>
    </message>
</context>
<context>
    <name>OrderTypeScreen</name>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="40"/>
        <source>어디에서 드시나요?</source>
        <translation>Eat here or take out?</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="55"/>
        <source>매장에서 먹어요</source>
        <translation>Eat here</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="55"/>
        <source>매장</source>
        <translation>Dine in</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="55"/>
        <source>포장해 갈게요</source>
        <translation>Take it with me</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="55"/>
        <source>포장</source>
        <translation>Take out</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="135"/>
        <source>큰 글씨 · 쉬운 주문</source>
        <translation>Large text · Easy order</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="136"/>
        <source>큰 글씨 쉬운 주문 끄기</source>
        <translation>Turn off large text, easy order</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="136"/>
        <source>큰 글씨 쉬운 주문 켜기</source>
        <translation>Turn on large text, easy order</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="119"/>
        <source>처음으로</source>
        <translation>Start over</translation>
    </message>
</context>
<context>
    <name>PayingScreen</name>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="18"/>
        <source>카드를 단말기에 꽂거나 대 주세요</source>
        <translation>Insert or tap your card on the card terminal</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="20"/>
        <source>휴대폰 결제 앱으로 QR을 찍어 주세요</source>
        <translation>Scan the QR code with your phone&apos;s payment app</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="22"/>
        <source>결제 앱의 바코드를 스캐너에 보여 주세요</source>
        <translation>Show your payment app&apos;s barcode to the scanner</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="23"/>
        <source>결제 중입니다. 잠시만 기다려 주세요</source>
        <translation>Processing payment, please wait</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="27"/>
        <source>화면 아래 오른쪽 카드 단말기</source>
        <translation>The card terminal below the screen, on the right</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="29"/>
        <source>화면 아래 스캐너</source>
        <translation>The scanner below the screen</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="96"/>
        <source>남은 시간 %1</source>
        <translation>Time left %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="104"/>
        <source>QR 결제 남은 시간 %1</source>
        <translation>Time left to pay by QR: %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="118"/>
        <source>결제 금액 %1</source>
        <translation>Amount %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="170"/>
        <source>결제 취소</source>
        <translation>Cancel payment</translation>
    </message>
</context>
<context>
    <name>PaymentFailedScreen</name>
    <message>
        <location filename="../qml/customer/PaymentFailedScreen.qml" line="46"/>
        <source>결제가 완료되지 않았습니다</source>
        <translation>The payment did not go through</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentFailedScreen.qml" line="59"/>
        <source>결제가 승인되지 않았습니다.</source>
        <translation>The payment was not approved.</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentFailedScreen.qml" line="68"/>
        <source>다시 시도하거나 다른 결제 방법을 골라 주세요.</source>
        <translation>Try again or choose another payment method.</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentFailedScreen.qml" line="82"/>
        <source>다시 시도</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentFailedScreen.qml" line="90"/>
        <source>다른 결제 방법</source>
        <translation>Another payment method</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentFailedScreen.qml" line="97"/>
        <source>장바구니로 돌아가기</source>
        <translation>Back to the cart</translation>
    </message>
</context>
<context>
    <name>PaymentMethodScreen</name>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="18"/>
        <source>카드 결제</source>
        <translation>Card</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="20"/>
        <source>QR 결제</source>
        <translation>QR pay</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="21"/>
        <source>바코드 결제</source>
        <translation>Barcode pay</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="25"/>
        <source>신용·체크카드, 삼성페이</source>
        <translation>Credit / debit card, Samsung Pay</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="27"/>
        <source>화면의 QR을 앱으로 스캔</source>
        <translation>Scan the code on screen with your app</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="28"/>
        <source>카카오페이·네이버페이·제로페이</source>
        <translation>Kakao Pay, Naver Pay, ZeroPay</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="64"/>
        <source>결제 방법을 선택해 주세요</source>
        <translation>How would you like to pay?</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="89"/>
        <source>결제를 취소했습니다. 결제된 금액은 없습니다.</source>
        <translation>Payment cancelled. Nothing was charged.</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="99"/>
        <source>결제 금액 %1</source>
        <translation>Amount %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="187"/>
        <source>이전</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="42"/>
        <source>관리자 화면</source>
        <translation>Back office</translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="43"/>
        <source>카운터 주문</source>
        <translation>Counter orders</translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="44"/>
        <source>설치 · 점검</source>
        <translation>Set-up and checks</translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="48"/>
        <source>매출, 주문과 환불, 품절, 직원 관리</source>
        <translation>Sales, orders and refunds, sold-out, staff</translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="49"/>
        <source>직원이 주문을 받습니다</source>
        <translation>Staff take orders</translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="50"/>
        <source>장치와 설정</source>
        <translation>Devices and settings</translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="57"/>
        <source>%1님, 자신의 PIN을 정하세요</source>
        <translation>%1, choose your own PIN</translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="59"/>
        <source>같은 PIN을 한 번 더 입력하세요</source>
        <translation>Enter the same PIN once more</translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="61"/>
        <source>%1님, 어디로 들어갈까요?</source>
        <translation>%1, where to?</translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="62"/>
        <source>%1님, PIN을 입력하세요</source>
        <translation>%1, enter your PIN</translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="62"/>
        <source>직원 PIN을 입력하세요</source>
        <translation>Enter your staff PIN</translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="66"/>
        <source>처음 로그인했습니다. 임시 PIN 대신 쓸 숫자 6자리를 정하세요. 같은 숫자 반복이나 연속된 숫자는 쓸 수 없습니다.</source>
        <translation>Your first sign-in: choose 6 digits to use instead of the one-time PIN. One repeated digit or a run of digits cannot be used.</translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="68"/>
        <source>확인을 위해 한 번 더 입력합니다.</source>
        <translation>Once more, to be sure.</translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="71"/>
        <source>이 단말기에는 %1님이 쓸 수 있는 화면이 아직 없습니다. 로그아웃하세요.</source>
        <translation>This terminal has no screens for %1 yet. Please sign out.</translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="72"/>
        <source>들어갈 화면을 고르세요.</source>
        <translation>Choose a screen.</translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="73"/>
        <source>카드를 확인했습니다. 숫자 6자리를 누르세요.</source>
        <translation>Card recognised. Enter your 6 digits.</translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="74"/>
        <source>숫자 6자리를 누르세요. 직원 카드가 있으면 카드를 대도 됩니다.</source>
        <translation>Enter your 6 digits, or tap your staff card.</translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="78"/>
        <source>PIN이 맞지 않습니다. 다시 입력하세요.</source>
        <translation>Wrong PIN. Try again.</translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="79"/>
        <source>PIN이 여러 번 틀렸습니다. %1초 후에 다시 입력할 수 있습니다.</source>
        <translation>Too many wrong PINs. You can try again in %1 s.</translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="80"/>
        <source>PIN이 10번 틀려 잠겼습니다. %1분 후에 다시 시도하세요. 급하면 점주에게 PIN 재설정을 요청하세요.</source>
        <translation>Locked after 10 wrong PINs. Try again in %1 min, or ask the owner to reset your PIN.</translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="81"/>
        <source>점주 PIN이 아직 없습니다. 설치 기사가 단말기에서 &apos;kiosk staff init-owner&apos; 명령으로 점주와 PIN을 등록합니다 (안내서 STAFF.md).</source>
        <translation>No owner PIN is set up yet. The installer sets the owner and their PIN on the terminal with &apos;kiosk staff init-owner&apos; (guide: STAFF.md).</translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="82"/>
        <source>등록되지 않은 카드입니다.</source>
        <translation>This card is not registered.</translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="83"/>
        <source>임시 PIN이 만료되었습니다. 점주에게 PIN 재설정을 요청하세요.</source>
        <translation>The one-time PIN has expired. Ask the owner to reset your PIN.</translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="84"/>
        <source>쉽게 맞힐 수 있는 PIN이나 임시 PIN은 쓸 수 없습니다. 다른 6자리를 정하세요.</source>
        <translation>An easy-to-guess PIN or the one-time PIN cannot be used. Choose other 6 digits.</translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="85"/>
        <source>두 번 입력한 PIN이 다릅니다. 처음부터 다시 정하세요.</source>
        <translation>The two PINs differ. Choose again from the start.</translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="86"/>
        <source>이 PIN은 쓸 수 없습니다. 다른 PIN을 정하세요.</source>
        <translation>This PIN cannot be used. Choose another.</translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="87"/>
        <source>PIN을 바꾸지 못했습니다. 임시 PIN으로 다시 로그인하세요.</source>
        <translation>The PIN was not changed. Sign in again with the one-time PIN.</translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="88"/>
        <source>결제가 진행 중입니다. 결제가 끝난 뒤 다시 시도하세요.</source>
        <translation>A payment is in progress. Try again when it is done.</translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="89"/>
        <source>이 화면에 들어갈 권한이 없습니다.</source>
        <translation>You may not enter this screen.</translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="90"/>
        <source>이 단말기에는 그 화면이 없습니다.</source>
        <translation>This terminal does not have that screen.</translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="91"/>
        <source>처리하지 못했습니다. 다시 시도하세요.</source>
        <translation>That did not work. Please try again.</translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="139"/>
        <source>%1자리 입력됨</source>
        <translation>%1 digits entered</translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="154"/>
        <source>확인 중…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="186"/>
        <source>지우기</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="187"/>
        <source>모두 지우기</source>
        <translation>Clear all</translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="187"/>
        <source>한 자리 지우기</source>
        <translation>Delete one digit</translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="225"/>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../qml/staff/PinPad.qml" line="225"/>
        <source>로그아웃</source>
        <translation>Sign out</translation>
    </message>
</context>
<context>
    <name>ResultScreen</name>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="86"/>
        <source>결제가 완료되었습니다</source>
        <translation>Payment complete</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="118"/>
        <source>주문번호</source>
        <translation>Order number</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="135"/>
        <source>주문번호 %1</source>
        <translation>Order number %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="143"/>
        <source>번호가 불리면 카운터에서 받아 가세요</source>
        <translation>Pick up at the counter when your number is called</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="179"/>
        <source>감사합니다. 또 오세요!</source>
        <translation>Thank you. Please come again!</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="155"/>
        <location filename="../qml/customer/ResultScreen.qml" line="175"/>
        <source>영수증을 출력할까요?</source>
        <translation>Would you like a receipt?</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="176"/>
        <source>영수증을 출력하고 있습니다…</source>
        <translation>Printing your receipt…</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="177"/>
        <source>영수증이 출력되었습니다. 감사합니다!</source>
        <translation>Your receipt is printed. Thank you!</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="178"/>
        <source>영수증을 출력하지 못했습니다.</source>
        <translation>The receipt could not be printed.</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="212"/>
        <source>영수증 출력</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="222"/>
        <source>출력 안 함</source>
        <translation>No, thanks</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="234"/>
        <source>처음으로 (%1초)</source>
        <translation>Start over (%1 s)</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="235"/>
        <source>처음으로</source>
        <translation>Start over</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="269"/>
        <source>프린터에 문제가 있어 영수증을 화면에 보여 드립니다. 직원이 곧 다시 출력해 드립니다.</source>
        <translation>The printer has a problem, so here is your receipt on screen. Staff will print it for you shortly.</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="316"/>
        <source>영수증</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="350"/>
        <location filename="../qml/customer/ResultScreen.qml" line="355"/>
        <source>영수증 QR</source>
        <translation>Receipt QR</translation>
    </message>
</context>
<context>
    <name>Root</name>
    <message>
        <location filename="../qml/counter/Root.qml" line="63"/>
        <location filename="../qml/counter/Root.qml" line="456"/>
        <source>로그아웃</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="120"/>
        <source>상품 코드 / 바코드</source>
        <translation>Item code / barcode</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="127"/>
        <source>코드·바코드</source>
        <translation>Code / barcode</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="151"/>
        <source>품절</source>
        <translation>Sold out</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="239"/>
        <location filename="../qml/counter/Root.qml" line="349"/>
        <source>매장</source>
        <translation>Dine in</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="246"/>
        <location filename="../qml/counter/Root.qml" line="349"/>
        <source>포장</source>
        <translation>Take out</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="280"/>
        <location filename="../qml/counter/Root.qml" line="314"/>
        <location filename="../qml/counter/Root.qml" line="334"/>
        <location filename="../qml/counter/Root.qml" line="579"/>
        <source>할인</source>
        <translation>Discount</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="322"/>
        <source>합계</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="331"/>
        <source>−1</source>
        <translation>−1</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="331"/>
        <source>+1</source>
        <translation>+1</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="332"/>
        <source>삭제</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="332"/>
        <source>비우기</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="333"/>
        <location filename="../qml/counter/Root.qml" line="621"/>
        <source>보류</source>
        <translation>Hold</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="333"/>
        <source>불러오기</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="334"/>
        <source>노세일</source>
        <translation>No sale</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="335"/>
        <location filename="../qml/counter/Root.qml" line="579"/>
        <source>입금</source>
        <translation>Paid in</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="335"/>
        <location filename="../qml/counter/Root.qml" line="579"/>
        <source>출금</source>
        <translation>Paid out</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="336"/>
        <source>환불</source>
        <translation>Refund</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="336"/>
        <source>X 점검</source>
        <translation>X report</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="337"/>
        <source>마감</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="337"/>
        <location filename="../qml/counter/Root.qml" line="455"/>
        <source>Z 조회</source>
        <translation>Z reports</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="350"/>
        <location filename="../qml/counter/Root.qml" line="554"/>
        <source>기능</source>
        <translation>More</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="376"/>
        <source>결제</source>
        <translation>Pay</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="435"/>
        <source>개점 · 시재금 입력</source>
        <translation>Open the day · enter the float</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="452"/>
        <source>개점</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="465"/>
        <source>결제 · 받을 금액</source>
        <translation>Payment · amount due</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="485"/>
        <source>입력</source>
        <translation>Entered</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="485"/>
        <location filename="../qml/counter/Root.qml" line="503"/>
        <location filename="../qml/counter/Root.qml" line="663"/>
        <source>현금영수증</source>
        <translation>Cash receipt</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="496"/>
        <source>현금 정확히</source>
        <translation>Exact cash</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="497"/>
        <source>현금 받음</source>
        <translation>Cash received</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="497"/>
        <source>입력 금액</source>
        <translation>Amount entered</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="478"/>
        <location filename="../qml/counter/Root.qml" line="500"/>
        <source>카드</source>
        <translation>Card</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="500"/>
        <source>분할</source>
        <translation>Split</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="501"/>
        <source>QR·간편결제</source>
        <translation>QR / easy pay</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="478"/>
        <location filename="../qml/counter/Root.qml" line="502"/>
        <source>온누리상품권</source>
        <translation>Onnuri voucher</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="22"/>
        <source>%1원</source>
        <translation>₩%1</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="478"/>
        <source>현금</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="478"/>
        <source>간편결제</source>
        <translation>Easy pay</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="479"/>
        <source>받음</source>
        <translation>received</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="502"/>
        <source>권면 금액 입력</source>
        <translation>Enter the face value</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="504"/>
        <source>결제 취소</source>
        <translation>Cancel payment</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="529"/>
        <source>거스름돈</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="545"/>
        <location filename="../qml/counter/Root.qml" line="641"/>
        <source>확인</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="571"/>
        <location filename="../qml/counter/Root.qml" line="750"/>
        <source>닫기</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="579"/>
        <source>노세일: 금전함 열기</source>
        <translation>No sale: open the drawer</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="580"/>
        <source>현금 환불 (주문번호)</source>
        <translation>Cash refund (order number)</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="580"/>
        <source>보류 불러오기</source>
        <translation>Recall a held ticket</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="590"/>
        <source>잔돈 교환</source>
        <translation>Change for a note</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="590"/>
        <source>시재 확인</source>
        <translation>Cash check</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="590"/>
        <location filename="../qml/counter/Root.qml" line="591"/>
        <location filename="../qml/counter/Root.qml" line="592"/>
        <source>기타</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="591"/>
        <source>잔돈 입금</source>
        <translation>Small change in</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="592"/>
        <source>재료 구입</source>
        <translation>Supplies</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="592"/>
        <source>택배비</source>
        <translation>Delivery fee</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="593"/>
        <source>단골</source>
        <translation>Regular</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="593"/>
        <source>직원</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="593"/>
        <source>유통기한 임박</source>
        <translation>Near expiry</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="593"/>
        <source>서비스</source>
        <translation>On the house</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="594"/>
        <source>고객 변심</source>
        <translation>Changed mind</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="594"/>
        <source>주문 실수</source>
        <translation>Wrong order</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="594"/>
        <source>상품 문제</source>
        <translation>Faulty item</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="610"/>
        <source>원</source>
        <translation>Won</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="612"/>
        <source>주문 전체</source>
        <translation>Whole order</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="613"/>
        <source>선택 상품</source>
        <translation>Selected item</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="621"/>
        <source>개</source>
        <translation> items</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="628"/>
        <source>주문</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="654"/>
        <location filename="../qml/counter/Root.qml" line="734"/>
        <location filename="../qml/counter/Root.qml" line="791"/>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="673"/>
        <source>휴대폰</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="673"/>
        <source>현금영수증카드</source>
        <translation>Receipt card</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="673"/>
        <source>사업자번호</source>
        <translation>Business no.</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="676"/>
        <source>소득공제</source>
        <translation>Income deduction</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="677"/>
        <source>지출증빙</source>
        <translation>Expense proof</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="691"/>
        <source>적용</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="692"/>
        <source>발급 안 함</source>
        <translation>No receipt</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="701"/>
        <source>마감 · 권종별 시재 입력</source>
        <translation>Close · count the cash by denomination</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="723"/>
        <source>실제 현금</source>
        <translation>Counted</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="724"/>
        <source>예상</source>
        <translation>Expected</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="724"/>
        <source>차액</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="733"/>
        <source>마감 (Z)</source>
        <translation>Close (Z)</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="743"/>
        <source>보고서</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="751"/>
        <source>인쇄</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="769"/>
        <source>시재 차액 승인: 점주 PIN</source>
        <translation>Cash difference: the owner&apos;s PIN</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="769"/>
        <source>승인: 점장 또는 점주 PIN</source>
        <translation>Approval: manager&apos;s or owner&apos;s PIN</translation>
    </message>
    <message>
        <location filename="../qml/counter/Root.qml" line="790"/>
        <source>승인</source>
        <translation>Approve</translation>
    </message>
</context>
<context>
    <name>SignOutWarning</name>
    <message>
        <location filename="../qml/staff/SignOutWarning.qml" line="31"/>
        <source>%1초 후 자동으로 로그아웃합니다.</source>
        <translation>Signing out in %1 s.</translation>
    </message>
    <message>
        <location filename="../qml/staff/SignOutWarning.qml" line="45"/>
        <source>계속 사용하기</source>
        <translation>Keep working</translation>
    </message>
</context>
<context>
    <name>StaffManagement</name>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="26"/>
        <source>점주</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="27"/>
        <source>매니저</source>
        <translation>Manager</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="28"/>
        <source>직원</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="29"/>
        <source>설치 기사</source>
        <translation>Installer</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="33"/>
        <source>PIN 설정됨</source>
        <translation>PIN set</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="34"/>
        <source>임시 PIN (첫 로그인 때 바꿈)</source>
        <translation>One-time PIN (changed at first sign-in)</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="35"/>
        <source>PIN 없음</source>
        <translation>No PIN</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="38"/>
        <source>추가했습니다.</source>
        <translation>Added.</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="39"/>
        <source>삭제했습니다. 이 사람의 PIN과 카드는 더 이상 쓸 수 없습니다.</source>
        <translation>Removed. Their PIN and card no longer work.</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="40"/>
        <source>역할을 바꿨습니다.</source>
        <translation>Role changed.</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="41"/>
        <source>카드를 등록했습니다.</source>
        <translation>Card registered.</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="42"/>
        <source>PIN을 재설정했습니다.</source>
        <translation>PIN reset.</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="46"/>
        <source>권한이 없습니다. 매니저는 직원만 관리할 수 있습니다. 점주에게 요청하세요.</source>
        <translation>Not permitted. A manager manages staff only; ask the owner.</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="47"/>
        <source>마지막 점주는 삭제하거나 역할을 바꿀 수 없습니다. 먼저 다른 점주를 추가하세요.</source>
        <translation>The last owner cannot be removed or given another role. Add another owner first.</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="48"/>
        <source>결제 카드는 등록할 수 없습니다. 직원 카드(일반 NFC 카드나 태그)를 대 주세요.</source>
        <translation>A payment card cannot be registered. Tap a staff card (a plain NFC card or tag).</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="49"/>
        <source>이미 다른 사람에게 등록된 카드입니다. 그 사람의 카드를 먼저 지우세요.</source>
        <translation>This card is registered to someone else. Remove it there first.</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="50"/>
        <source>카드를 읽지 못했습니다. 다시 대고 잠시 그대로 두세요.</source>
        <translation>The card could not be read. Tap it again and hold it still.</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="51"/>
        <source>이름은 1~64자로 입력하세요.</source>
        <translation>A name is 1 to 64 characters.</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="52"/>
        <source>이미 목록에 없는 사람입니다.</source>
        <translation>This person is no longer on the list.</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="53"/>
        <source>처리하지 못했습니다. 다시 시도하세요.</source>
        <translation>That did not work. Please try again.</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="66"/>
        <source>직원 관리</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="80"/>
        <source>+ 직원 추가</source>
        <translation>+ Add a person</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="151"/>
        <source> (나)</source>
        <translation> (me)</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="162"/>
        <source>카드 등록됨</source>
        <translation>card registered</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="162"/>
        <source>카드 없음</source>
        <translation>no card</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="179"/>
        <source>역할 변경</source>
        <translation>Change role</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="185"/>
        <source>카드 다시 등록</source>
        <translation>Register another card</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="185"/>
        <source>카드 등록</source>
        <translation>Register card</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="191"/>
        <source>PIN 재설정</source>
        <translation>Reset PIN</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="197"/>
        <location filename="../qml/staff/StaffManagement.qml" line="344"/>
        <source>삭제</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="212"/>
        <source>직원 추가</source>
        <translation>Add a person</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="216"/>
        <source>이름</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="243"/>
        <source>역할</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="264"/>
        <source>추가하면 임시 PIN을 한 번만 보여 드립니다. 그 사람이 처음 로그인할 때 자신의 PIN으로 바꿉니다.</source>
        <translation>Their one-time PIN is shown once after adding; they choose their own at their first sign-in.</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="280"/>
        <source>추가</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="289"/>
        <location filename="../qml/staff/StaffManagement.qml" line="319"/>
        <location filename="../qml/staff/StaffManagement.qml" line="352"/>
        <location filename="../qml/staff/StaffManagement.qml" line="375"/>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="298"/>
        <source>%1님의 역할</source>
        <translation>%1&apos;s role</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="327"/>
        <source>%1님을 삭제할까요?</source>
        <translation>Remove %1?</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="331"/>
        <source>삭제하면 이 사람의 PIN과 카드로는 더 이상 로그인할 수 없습니다. 판매 기록은 그대로 남습니다.</source>
        <translation>They can no longer sign in with their PIN or card. Their sales records stay.</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="360"/>
        <source>%1님의 카드를 리더기에 대 주세요</source>
        <translation>Tap %1&apos;s card on the reader</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="364"/>
        <source>직원 카드(일반 NFC 카드나 태그)를 대면 바로 등록됩니다. 결제 카드는 등록할 수 없습니다.</source>
        <translation>A staff card (a plain NFC card or tag) is registered as soon as it is tapped. Payment cards cannot be registered.</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="383"/>
        <source>%1님의 임시 PIN</source>
        <translation>%1&apos;s one-time PIN</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="398"/>
        <source>지금 한 번만 보여 드립니다. 본인에게 알려 주세요. 처음 로그인할 때 자신의 PIN으로 바꾸며, 24시간 안에 바꾸지 않으면 쓸 수 없게 됩니다.</source>
        <translation>Shown only now: tell them. They change it at their first sign-in; unchanged after 24 hours it stops working.</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="410"/>
        <source>확인했습니다</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../qml/staff/StaffManagement.qml" line="424"/>
        <source>처리 중…</source>
        <translation>Working…</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../qml/customer/TopBar.qml" line="62"/>
        <source>프린터 점검 필요</source>
        <translation>Printer needs attention</translation>
    </message>
    <message>
        <location filename="../qml/customer/TopBar.qml" line="66"/>
        <source>프린터 점검</source>
        <translation>Check printer</translation>
    </message>
    <message>
        <location filename="../qml/customer/TopBar.qml" line="149"/>
        <location filename="../qml/customer/TopBar.qml" line="150"/>
        <source>직원 호출됨</source>
        <translation>Staff called</translation>
    </message>
    <message>
        <location filename="../qml/customer/TopBar.qml" line="149"/>
        <location filename="../qml/customer/TopBar.qml" line="150"/>
        <source>직원 호출</source>
        <translation>Call staff</translation>
    </message>
    <message>
        <location filename="../qml/customer/TopBar.qml" line="132"/>
        <source>낮은 화면</source>
        <translation>Lower screen</translation>
    </message>
    <message>
        <location filename="../qml/customer/TopBar.qml" line="133"/>
        <source>낮은 화면 끄기</source>
        <translation>Lower screen off</translation>
    </message>
    <message>
        <location filename="../qml/customer/TopBar.qml" line="133"/>
        <source>낮은 화면 켜기</source>
        <translation>Lower screen on</translation>
    </message>
</context>
<context>
    <name>VoiceButton</name>
    <message>
        <location filename="../qml/common/VoiceButton.qml" line="18"/>
        <source>음성 안내</source>
        <translation>Voice guide</translation>
    </message>
    <message>
        <location filename="../qml/common/VoiceButton.qml" line="19"/>
        <source>음성 안내 켜기</source>
        <translation>Turn voice guide on</translation>
    </message>
    <message>
        <location filename="../qml/common/VoiceButton.qml" line="19"/>
        <source>음성 안내 끄기</source>
        <translation>Turn voice guide off</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="ko">
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="104"/>
        <source>어서 오세요</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="130"/>
        <source>화면을 터치해 주문하세요</source>
        <translation>Touch to order</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="130"/>
        <source>준비 중입니다. 잠시만 기다려 주세요</source>
        <translation>Getting ready, one moment please</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="26"/>
        <location filename="../qml/customer/AttractScreen.qml" line="132"/>
        <source>주문 시작</source>
        <translation>Start order</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="132"/>
        <source>준비 중</source>
        <translation>Getting ready</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="157"/>
        <source>큰 글씨 · 쉬운 주문</source>
        <translation>Large text · Easy order</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="158"/>
        <source>큰 글씨 쉬운 주문 끄기</source>
        <translation>Turn off large text, easy order</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="158"/>
        <source>큰 글씨 쉬운 주문 켜기</source>
        <translation>Turn on large text, easy order</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="171"/>
        <source>낮은 화면</source>
        <translation>Lower screen</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="172"/>
        <source>낮은 화면 끄기</source>
        <translation>Lower screen off</translation>
    </message>
    <message>
        <location filename="../qml/customer/AttractScreen.qml" line="172"/>
        <source>낮은 화면 켜기</source>
        <translation>Lower screen on</translation>
    </message>
</context>
<context>
    <name>CartBar</name>
    <message>
        <location filename="../qml/customer/CartBar.qml" line="22"/>
        <source>처음으로</source>
        <translation>Start over</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartBar.qml" line="36"/>
        <source>장바구니 %1개, %2</source>
        <translation>Cart, %1 items, %2</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartBar.qml" line="60"/>
        <source>장바구니</source>
        <translation>Cart</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartBar.qml" line="85"/>
        <source>주문하기</source>
        <translation>Order</translation>
    </message>
</context>
<context>
    <name>CartScreen</name>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="21"/>
        <source>주문 내역을 확인해 주세요</source>
        <translation>Please check your order</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="127"/>
        <source>%1 수량 줄이기</source>
        <translation>One less %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="150"/>
        <source>%1 수량 늘리기</source>
        <translation>One more %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="158"/>
        <source>삭제</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="159"/>
        <source>%1 삭제</source>
        <translation>Remove %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="216"/>
        <source>주문 방식</source>
        <translation>Order type</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="223"/>
        <source>매장</source>
        <translation>Dine in</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="230"/>
        <source>포장</source>
        <translation>Take out</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="246"/>
        <source>총 %1개</source>
        <translation>%1 items</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="254"/>
        <source>부가세 %1 포함</source>
        <translation>incl. VAT %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="298"/>
        <source>메뉴 더 담기</source>
        <translation>Add more</translation>
    </message>
    <message>
        <location filename="../qml/customer/CartScreen.qml" line="308"/>
        <source>%1 결제하기</source>
        <translation>Pay %1</translation>
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
        <location filename="../qml/customer/MenuScreen.qml" line="13"/>
        <source>품절된 메뉴입니다. 다른 메뉴를 골라 주세요.</source>
        <translation>Sold out. Please choose something else.</translation>
    </message>
    <message>
        <location filename="../qml/customer/MenuScreen.qml" line="14"/>
        <source>장바구니에 담았습니다.</source>
        <translation>Added to your cart.</translation>
    </message>
    <message>
        <location filename="../qml/customer/MenuScreen.qml" line="15"/>
        <source>먼저 메뉴를 골라 주세요.</source>
        <translation>Please choose something from the menu first.</translation>
    </message>
    <message>
        <location filename="../qml/customer/MenuScreen.qml" line="94"/>
        <source>%1, 선택됨</source>
        <translation>%1, selected</translation>
    </message>
    <message>
        <location filename="../qml/customer/MenuScreen.qml" line="169"/>
        <location filename="../qml/customer/MenuScreen.qml" line="208"/>
        <source>품절</source>
        <translation>Sold out</translation>
    </message>
</context>
<context>
    <name>OptionsScreen</name>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="145"/>
        <source>필수 ✓</source>
        <translation>Required ✓</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="145"/>
        <source>필수</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="146"/>
        <source>선택 (최대 %1개)</source>
        <translation>Optional (up to %1)</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="175"/>
        <source>선택됨</source>
        <translation>selected</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="192"/>
        <source>%1 빼기</source>
        <translation>Less %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="223"/>
        <source>%1 더하기</source>
        <translation>More %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="274"/>
        <source>수량</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="283"/>
        <source>수량 줄이기</source>
        <translation>Fewer</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="299"/>
        <source>수량 %1</source>
        <translation>Quantity %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="304"/>
        <source>수량 늘리기</source>
        <translation>More</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="330"/>
        <source>다음</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="262"/>
        <source>필수 옵션을 골라 주세요</source>
        <translation>Please choose the required options</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="137"/>
        <source>%1 (%2/%3)</source>
        <translation>%1 (%2/%3)</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="319"/>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="319"/>
        <source>이전</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../qml/customer/OptionsScreen.qml" line="330"/>
        <source>%1 담기</source>
        <translation>Add · %1</translation>
    </message>
</context>
<context>
    <name>OrderTypeScreen</name>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="39"/>
        <source>어디에서 드시나요?</source>
        <translation>Eat here or take out?</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="54"/>
        <source>매장에서 먹어요</source>
        <translation>Eat here</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="54"/>
        <source>매장</source>
        <translation>Dine in</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="54"/>
        <source>포장해 갈게요</source>
        <translation>Take it with me</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="54"/>
        <source>포장</source>
        <translation>Take out</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="133"/>
        <source>큰 글씨 · 쉬운 주문</source>
        <translation>Large text · Easy order</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="134"/>
        <source>큰 글씨 쉬운 주문 끄기</source>
        <translation>Turn off large text, easy order</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="134"/>
        <source>큰 글씨 쉬운 주문 켜기</source>
        <translation>Turn on large text, easy order</translation>
    </message>
    <message>
        <location filename="../qml/customer/OrderTypeScreen.qml" line="117"/>
        <source>처음으로</source>
        <translation>Start over</translation>
    </message>
</context>
<context>
    <name>PayingScreen</name>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="17"/>
        <source>카드를 단말기에 꽂거나 대 주세요</source>
        <translation>Insert or tap your card on the card terminal</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="19"/>
        <source>휴대폰 결제 앱으로 QR을 찍어 주세요</source>
        <translation>Scan the QR code with your phone&apos;s payment app</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="21"/>
        <source>결제 앱의 바코드를 스캐너에 보여 주세요</source>
        <translation>Show your payment app&apos;s barcode to the scanner</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="22"/>
        <source>결제 중입니다. 잠시만 기다려 주세요</source>
        <translation>Processing payment, please wait</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="26"/>
        <source>화면 아래 오른쪽 카드 단말기</source>
        <translation>The card terminal below the screen, on the right</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="28"/>
        <source>화면 아래 스캐너</source>
        <translation>The scanner below the screen</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="95"/>
        <source>남은 시간 %1</source>
        <translation>Time left %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="103"/>
        <source>QR 결제 남은 시간 %1</source>
        <translation>Time left to pay by QR: %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="117"/>
        <source>결제 금액 %1</source>
        <translation>Amount %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/PayingScreen.qml" line="169"/>
        <source>결제 취소</source>
        <translation>Cancel payment</translation>
    </message>
</context>
<context>
    <name>PaymentFailedScreen</name>
    <message>
        <location filename="../qml/customer/PaymentFailedScreen.qml" line="45"/>
        <source>결제가 완료되지 않았습니다</source>
        <translation>The payment did not go through</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentFailedScreen.qml" line="58"/>
        <source>결제가 승인되지 않았습니다.</source>
        <translation>The payment was not approved.</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentFailedScreen.qml" line="67"/>
        <source>다시 시도하거나 다른 결제 방법을 골라 주세요.</source>
        <translation>Try again or choose another payment method.</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentFailedScreen.qml" line="81"/>
        <source>다시 시도</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentFailedScreen.qml" line="89"/>
        <source>다른 결제 방법</source>
        <translation>Another payment method</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentFailedScreen.qml" line="96"/>
        <source>장바구니로 돌아가기</source>
        <translation>Back to the cart</translation>
    </message>
</context>
<context>
    <name>PaymentMethodScreen</name>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="17"/>
        <source>카드 결제</source>
        <translation>Card</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="19"/>
        <source>QR 결제</source>
        <translation>QR pay</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="20"/>
        <source>바코드 결제</source>
        <translation>Barcode pay</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="24"/>
        <source>신용·체크카드, 삼성페이</source>
        <translation>Credit / debit card, Samsung Pay</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="26"/>
        <source>화면의 QR을 앱으로 스캔</source>
        <translation>Scan the code on screen with your app</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="27"/>
        <source>카카오페이·네이버페이·제로페이</source>
        <translation>Kakao Pay, Naver Pay, ZeroPay</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="63"/>
        <source>결제 방법을 선택해 주세요</source>
        <translation>How would you like to pay?</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="88"/>
        <source>결제를 취소했습니다. 결제된 금액은 없습니다.</source>
        <translation>Payment cancelled. Nothing was charged.</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="98"/>
        <source>결제 금액 %1</source>
        <translation>Amount %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/PaymentMethodScreen.qml" line="185"/>
        <source>이전</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>ResultScreen</name>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="35"/>
        <source>결제가 완료되었습니다</source>
        <translation>Payment complete</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="56"/>
        <source>주문번호</source>
        <translation>Order number</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="72"/>
        <source>주문번호 %1</source>
        <translation>Order number %1</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="78"/>
        <source>번호가 불리면 카운터에서 받아 가세요</source>
        <translation>Pick up at the counter when your number is called</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="93"/>
        <source>감사합니다. 또 오세요!</source>
        <translation>Thank you. Please come again!</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="89"/>
        <source>영수증을 출력할까요?</source>
        <translation>Would you like a receipt?</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="90"/>
        <source>영수증을 출력하고 있습니다…</source>
        <translation>Printing your receipt…</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="91"/>
        <source>영수증이 출력되었습니다. 감사합니다!</source>
        <translation>Your receipt is printed. Thank you!</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="92"/>
        <source>영수증을 출력하지 못했습니다.</source>
        <translation>The receipt could not be printed.</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="115"/>
        <source>영수증 출력</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="122"/>
        <source>출력 안 함</source>
        <translation>No, thanks</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="131"/>
        <source>처음으로 (%1초)</source>
        <translation>Start over (%1 s)</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="132"/>
        <source>처음으로</source>
        <translation>Start over</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="161"/>
        <source>프린터에 문제가 있어 영수증을 화면에 보여 드립니다. 직원이 곧 다시 출력해 드립니다.</source>
        <translation>The printer has a problem, so here is your receipt on screen. Staff will print it for you shortly.</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="208"/>
        <source>영수증</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../qml/customer/ResultScreen.qml" line="242"/>
        <location filename="../qml/customer/ResultScreen.qml" line="247"/>
        <source>영수증 QR</source>
        <translation>Receipt QR</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../qml/customer/TopBar.qml" line="52"/>
        <source>프린터 점검 필요</source>
        <translation>Printer needs attention</translation>
    </message>
    <message>
        <location filename="../qml/customer/TopBar.qml" line="56"/>
        <source>프린터 점검</source>
        <translation>Check printer</translation>
    </message>
    <message>
        <location filename="../qml/customer/TopBar.qml" line="112"/>
        <location filename="../qml/customer/TopBar.qml" line="113"/>
        <source>직원 호출됨</source>
        <translation>Staff called</translation>
    </message>
    <message>
        <location filename="../qml/customer/TopBar.qml" line="112"/>
        <location filename="../qml/customer/TopBar.qml" line="113"/>
        <source>직원 호출</source>
        <translation>Call staff</translation>
    </message>
</context>
<context>
    <name>VoiceButton</name>
    <message>
        <location filename="../qml/common/VoiceButton.qml" line="15"/>
        <source>음성 안내</source>
        <translation>Voice guide</translation>
    </message>
    <message>
        <location filename="../qml/common/VoiceButton.qml" line="16"/>
        <source>음성 안내 켜기</source>
        <translation>Turn voice guide on</translation>
    </message>
    <message>
        <location filename="../qml/common/VoiceButton.qml" line="16"/>
        <source>음성 안내 끄기</source>
        <translation>Turn voice guide off</translation>
    </message>
</context>
</TS>

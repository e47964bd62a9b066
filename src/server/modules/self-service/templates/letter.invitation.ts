import { DRAFT, type LetterTemplate } from './letter.types';

/** Invitation to a counselling appointment (own wording; German is the source). */
export const INVITATION: LetterTemplate = {
  kind: 'invitation',
  required: ['clientName', 'appointmentDate', 'appointmentTime', 'officeName'],
  translations: {
    de: {
      review: DRAFT,
      subject: 'Einladung zum Beratungsgespräch am {{appointmentDate}}',
      body: `Hallo {{clientName}},

wir laden Sie herzlich zu einem Beratungsgespräch bei der {{officeName}} ein.

Termin: {{appointmentDate}} um {{appointmentTime}} Uhr
Ort: {{officeAddress}}
Ihre Ansprechperson: {{counsellorName}}

Im Gespräch geht es um Ihren Weg in eine Ausbildung: Was möchten Sie lernen, was können Sie schon, und welche Betriebe passen zu Ihnen? Sie können gern eine Person mitbringen, der Sie vertrauen, zum Beispiel Ihre Eltern.

Wenn Sie den Termin nicht wahrnehmen können, sagen Sie uns bitte Bescheid: {{officePhone}} oder {{officeEmail}}.

Viele Grüße
{{counsellorName}}
{{officeName}}`,
    },
    'de-x-ls': {
      review: DRAFT,
      subject: 'Einladung: Termin am {{appointmentDate}}',
      body: `Hallo {{clientName}},

wir möchten mit Ihnen sprechen.
Es geht um Ihre Ausbildung.

Wann?
{{appointmentDate}}, um {{appointmentTime}} Uhr

Wo?
{{officeName}}
{{officeAddress}}

Mit wem?
Mit {{counsellorName}}.

Sie dürfen eine Person mitbringen.
Zum Beispiel Ihre Mutter oder Ihren Vater.

Sie können nicht kommen?
Dann rufen Sie uns bitte an: {{officePhone}}
Oder schreiben Sie uns eine E-Mail: {{officeEmail}}

Viele Grüße
{{counsellorName}}`,
    },
    en: {
      review: DRAFT,
      subject: 'Invitation to a counselling appointment on {{appointmentDate}}',
      body: `Hello {{clientName}},

We would like to invite you to a counselling appointment at {{officeName}}.

When: {{appointmentDate}} at {{appointmentTime}}
Where: {{officeAddress}}
Your contact person: {{counsellorName}}

We will talk about your way into vocational training: what you would like to learn, what you can already do and which companies suit you. You are welcome to bring someone you trust, for example your parents.

If you cannot come, please let us know: {{officePhone}} or {{officeEmail}}.

Kind regards
{{counsellorName}}
{{officeName}}`,
    },
    ar: {
      review: DRAFT,
      subject: 'دعوة إلى موعد استشارة في {{appointmentDate}}',
      body: `مرحباً {{clientName}}،

ندعوك بكل سرور إلى موعد استشارة في {{officeName}}.

الموعد: {{appointmentDate}} الساعة {{appointmentTime}}
المكان: {{officeAddress}}
الشخص المسؤول عنك: {{counsellorName}}

سنتحدّث عن طريقك إلى التدريب المهني: ماذا تريد أن تتعلّم، وماذا تستطيع الآن، وأيّ الشركات تناسبك. يمكنك أن تُحضر معك شخصاً تثق به، مثل والديك.

إذا لم تستطع الحضور، يرجى إخبارنا: {{officePhone}} أو {{officeEmail}}.

مع أطيب التحيات
{{counsellorName}}
{{officeName}}`,
    },
    fa: {
      review: DRAFT,
      subject: 'دعوت به جلسهٔ مشاوره در تاریخ {{appointmentDate}}',
      body: `سلام {{clientName}}،

شما را به یک جلسهٔ مشاوره در {{officeName}} دعوت می‌کنیم.

زمان: {{appointmentDate}}، ساعت {{appointmentTime}}
مکان: {{officeAddress}}
مشاور شما: {{counsellorName}}

در این جلسه دربارهٔ راه شما به آموزش حرفه‌ای صحبت می‌کنیم: چه چیزی می‌خواهید یاد بگیرید، چه کارهایی را از قبل بلدید و کدام شرکت‌ها برای شما مناسب هستند. می‌توانید کسی را که به او اعتماد دارید، مثلاً پدر و مادرتان، با خود بیاورید.

اگر نمی‌توانید بیایید، لطفاً به ما خبر دهید: {{officePhone}} یا {{officeEmail}}.

با احترام
{{counsellorName}}
{{officeName}}`,
    },
    uk: {
      review: DRAFT,
      subject: 'Запрошення на консультацію {{appointmentDate}}',
      body: `Вітаємо, {{clientName}}!

Запрошуємо вас на консультацію до {{officeName}}.

Коли: {{appointmentDate}} о {{appointmentTime}}
Де: {{officeAddress}}
Ваша контактна особа: {{counsellorName}}

Ми поговоримо про ваш шлях до професійного навчання: чого ви хочете навчитися, що вже вмієте і які підприємства вам підходять. Ви можете взяти з собою людину, якій довіряєте, наприклад батьків.

Якщо ви не зможете прийти, будь ласка, повідомте нас: {{officePhone}} або {{officeEmail}}.

З повагою
{{counsellorName}}
{{officeName}}`,
    },
    tr: {
      review: DRAFT,
      subject: '{{appointmentDate}} tarihli danışmanlık görüşmesine davet',
      body: `Merhaba {{clientName}},

Sizi {{officeName}} bünyesinde bir danışmanlık görüşmesine davet ediyoruz.

Tarih: {{appointmentDate}}, saat {{appointmentTime}}
Yer: {{officeAddress}}
İlgili kişi: {{counsellorName}}

Görüşmede mesleki eğitime giden yolunuzu konuşacağız: ne öğrenmek istediğinizi, şimdiden neler yapabildiğinizi ve hangi işletmelerin size uygun olduğunu. Güvendiğiniz birini, örneğin anne babanızı, yanınızda getirebilirsiniz.

Gelemeyecekseniz lütfen bize haber verin: {{officePhone}} veya {{officeEmail}}.

Saygılarımızla
{{counsellorName}}
{{officeName}}`,
    },
  },
};

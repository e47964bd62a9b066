import { DRAFT, type LetterTemplate } from './letter.types';

/** Reminder of an appointment (own wording; German is the source). */
export const REMINDER: LetterTemplate = {
  kind: 'reminder',
  required: ['clientName', 'appointmentDate', 'appointmentTime', 'officeName'],
  translations: {
    de: {
      review: DRAFT,
      subject: 'Erinnerung: Ihr Termin am {{appointmentDate}}',
      body: `Hallo {{clientName}},

wir erinnern Sie an Ihren Termin bei der {{officeName}}:

{{appointmentDate}} um {{appointmentTime}} Uhr
{{officeAddress}}
bei {{counsellorName}}

Wir freuen uns auf Sie. Wenn etwas dazwischenkommt, melden Sie sich bitte: {{officePhone}} oder {{officeEmail}}.

Viele Grüße
{{counsellorName}}`,
    },
    'de-x-ls': {
      review: DRAFT,
      subject: 'Erinnerung: Termin am {{appointmentDate}}',
      body: `Hallo {{clientName}},

Sie haben bald einen Termin bei uns.

Wann?
{{appointmentDate}}, um {{appointmentTime}} Uhr

Wo?
{{officeName}}
{{officeAddress}}

Mit wem?
Mit {{counsellorName}}.

Sie können nicht kommen?
Dann rufen Sie uns bitte an: {{officePhone}}

Viele Grüße
{{counsellorName}}`,
    },
    en: {
      review: DRAFT,
      subject: 'Reminder: your appointment on {{appointmentDate}}',
      body: `Hello {{clientName}},

This is a reminder of your appointment at {{officeName}}:

{{appointmentDate}} at {{appointmentTime}}
{{officeAddress}}
with {{counsellorName}}

We look forward to seeing you. If something comes up, please get in touch: {{officePhone}} or {{officeEmail}}.

Kind regards
{{counsellorName}}`,
    },
    ar: {
      review: DRAFT,
      subject: 'تذكير: موعدك في {{appointmentDate}}',
      body: `مرحباً {{clientName}}،

نذكّرك بموعدك في {{officeName}}:

{{appointmentDate}} الساعة {{appointmentTime}}
{{officeAddress}}
مع {{counsellorName}}

نتطلّع إلى لقائك. إذا طرأ أمر ما، يرجى التواصل معنا: {{officePhone}} أو {{officeEmail}}.

مع أطيب التحيات
{{counsellorName}}`,
    },
    fa: {
      review: DRAFT,
      subject: 'یادآوری: وقت ملاقات شما در تاریخ {{appointmentDate}}',
      body: `سلام {{clientName}}،

وقت ملاقات شما در {{officeName}} را یادآوری می‌کنیم:

{{appointmentDate}}، ساعت {{appointmentTime}}
{{officeAddress}}
با {{counsellorName}}

منتظر دیدار شما هستیم. اگر مشکلی پیش آمد، لطفاً با ما تماس بگیرید: {{officePhone}} یا {{officeEmail}}.

با احترام
{{counsellorName}}`,
    },
    uk: {
      review: DRAFT,
      subject: 'Нагадування: ваша зустріч {{appointmentDate}}',
      body: `Вітаємо, {{clientName}}!

Нагадуємо про вашу зустріч у {{officeName}}:

{{appointmentDate}} о {{appointmentTime}}
{{officeAddress}}
з {{counsellorName}}

Чекаємо на вас. Якщо щось зміниться, будь ласка, зв’яжіться з нами: {{officePhone}} або {{officeEmail}}.

З повагою
{{counsellorName}}`,
    },
    tr: {
      review: DRAFT,
      subject: 'Hatırlatma: {{appointmentDate}} tarihli randevunuz',
      body: `Merhaba {{clientName}},

{{officeName}} ile olan randevunuzu hatırlatmak isteriz:

{{appointmentDate}}, saat {{appointmentTime}}
{{officeAddress}}
Görüşeceğiniz kişi: {{counsellorName}}

Sizi bekliyoruz. Bir aksilik olursa lütfen bize ulaşın: {{officePhone}} veya {{officeEmail}}.

Saygılarımızla
{{counsellorName}}`,
    },
  },
};

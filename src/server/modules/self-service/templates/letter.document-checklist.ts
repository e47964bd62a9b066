import { DRAFT, type LetterTemplate } from './letter.types';

/** Checklist of documents to bring to an appointment (own wording; German is the source). */
export const DOCUMENT_CHECKLIST: LetterTemplate = {
  kind: 'document_checklist',
  required: ['clientName', 'appointmentDate', 'appointmentTime', 'officeName'],
  translations: {
    de: {
      review: DRAFT,
      subject: 'Bitte mitbringen: Unterlagen für Ihren Termin am {{appointmentDate}}',
      body: `Hallo {{clientName}},

für Ihren Termin am {{appointmentDate}} um {{appointmentTime}} Uhr bringen Sie bitte diese Unterlagen mit, wenn Sie sie haben:

- Pass oder Ausweis
- Aufenthaltsdokument (zum Beispiel Aufenthaltsgestattung, Duldung oder Aufenthaltserlaubnis)
- Schulzeugnisse, auch aus Ihrem Herkunftsland, und Übersetzungen, wenn vorhanden
- Nachweise über Deutschkurse (zum Beispiel Zertifikat A2 oder B1)
- Lebenslauf, wenn Sie schon einen haben
- Bescheinigungen über Praktika oder Arbeit

Wenn Sie etwas nicht haben, ist das kein Problem. Kommen Sie trotzdem. Wir helfen Ihnen.

Fragen? {{officePhone}} oder {{officeEmail}}

Viele Grüße
{{counsellorName}}
{{officeName}}`,
    },
    'de-x-ls': {
      review: DRAFT,
      subject: 'Diese Papiere bitte mitbringen',
      body: `Hallo {{clientName}},

Sie haben einen Termin bei uns:
{{appointmentDate}}, um {{appointmentTime}} Uhr

Bitte bringen Sie diese Papiere mit:
- Ihren Pass oder Ihren Ausweis
- Ihr Papier für den Aufenthalt in Deutschland
- Ihre Zeugnisse von der Schule
- Papiere von Ihrem Deutsch-Kurs
- Ihren Lebens-Lauf, wenn Sie einen haben
- Papiere von einem Praktikum oder von einer Arbeit

Sie haben ein Papier nicht?
Das ist nicht schlimm.
Kommen Sie trotzdem.
Wir helfen Ihnen.

Sie haben eine Frage?
Rufen Sie uns an: {{officePhone}}

Viele Grüße
{{counsellorName}}
{{officeName}}`,
    },
    en: {
      review: DRAFT,
      subject: 'Please bring: documents for your appointment on {{appointmentDate}}',
      body: `Hello {{clientName}},

For your appointment on {{appointmentDate}} at {{appointmentTime}}, please bring these documents if you have them:

- passport or ID card
- residence document (for example Aufenthaltsgestattung, Duldung or Aufenthaltserlaubnis)
- school reports, also from your home country, and translations if you have them
- certificates from German courses (for example A2 or B1)
- your CV, if you already have one
- certificates from internships or work

If you do not have something, that is no problem. Please come anyway. We will help you.

Questions? {{officePhone}} or {{officeEmail}}

Kind regards
{{counsellorName}}
{{officeName}}`,
    },
    ar: {
      review: DRAFT,
      subject: 'يرجى إحضار: وثائق لموعدك في {{appointmentDate}}',
      body: `مرحباً {{clientName}}،

لموعدك في {{appointmentDate}} الساعة {{appointmentTime}}، يرجى إحضار هذه الوثائق إن كانت لديك:

- جواز السفر أو بطاقة الهوية
- وثيقة الإقامة (مثل Aufenthaltsgestattung أو Duldung أو Aufenthaltserlaubnis)
- الشهادات المدرسية، ومنها شهادات بلدك، مع الترجمات إن وُجدت
- شهادات دورات اللغة الألمانية (مثل A2 أو B1)
- سيرتك الذاتية إن كانت لديك
- شهادات التدريب العملي أو العمل

إذا لم يكن لديك شيء منها، فلا مشكلة. تعالَ على أي حال، وسنساعدك.

أسئلة؟ {{officePhone}} أو {{officeEmail}}

مع أطيب التحيات
{{counsellorName}}
{{officeName}}`,
    },
    fa: {
      review: DRAFT,
      subject: 'لطفاً همراه بیاورید: مدارک برای وقت ملاقات {{appointmentDate}}',
      body: `سلام {{clientName}}،

برای وقت ملاقات شما در تاریخ {{appointmentDate}}، ساعت {{appointmentTime}}، لطفاً این مدارک را اگر دارید همراه بیاورید:

- پاسپورت یا کارت شناسایی
- مدرک اقامت (مثلاً Aufenthaltsgestattung، Duldung یا Aufenthaltserlaubnis)
- کارنامه‌ها و مدارک مدرسه، از جمله از کشور خودتان، و ترجمهٔ آن‌ها اگر دارید
- گواهی کورس‌های زبان آلمانی (مثلاً A2 یا B1)
- رزومه، اگر از قبل دارید
- گواهی کارآموزی یا کار

اگر یکی از این‌ها را ندارید، اشکالی ندارد. باز هم بیایید. ما به شما کمک می‌کنیم.

سؤالی دارید؟ {{officePhone}} یا {{officeEmail}}

با احترام
{{counsellorName}}
{{officeName}}`,
    },
    uk: {
      review: DRAFT,
      subject: 'Візьміть із собою: документи на зустріч {{appointmentDate}}',
      body: `Вітаємо, {{clientName}}!

На зустріч {{appointmentDate}} о {{appointmentTime}} візьміть, будь ласка, ці документи, якщо вони у вас є:

- паспорт або посвідчення особи
- документ про перебування (наприклад, Aufenthaltserlaubnis або Fiktionsbescheinigung)
- шкільні атестати й табелі, також із вашої країни, і переклади, якщо є
- сертифікати курсів німецької (наприклад, A2 або B1)
- резюме, якщо воно вже є
- довідки про практику чи роботу

Якщо чогось немає — нічого страшного. Приходьте все одно. Ми вам допоможемо.

Питання? {{officePhone}} або {{officeEmail}}

З повагою
{{counsellorName}}
{{officeName}}`,
    },
    tr: {
      review: DRAFT,
      subject: 'Lütfen yanınızda getirin: {{appointmentDate}} tarihli randevunuz için belgeler',
      body: `Merhaba {{clientName}},

{{appointmentDate}}, saat {{appointmentTime}} randevunuza, varsa lütfen şu belgeleri getirin:

- pasaport veya kimlik kartı
- oturum belgesi (örneğin Aufenthaltsgestattung, Duldung veya Aufenthaltserlaubnis)
- okul karneleri ve diplomalar, kendi ülkenizden olanlar da, varsa tercümeleriyle
- Almanca kursu belgeleri (örneğin A2 veya B1)
- varsa özgeçmişiniz
- staj veya iş belgeleri

Bir belgeniz yoksa sorun değil. Yine de gelin. Size yardımcı oluruz.

Sorularınız mı var? {{officePhone}} veya {{officeEmail}}

Saygılarımızla
{{counsellorName}}
{{officeName}}`,
    },
  },
};

/**
 * The public survey form's own small catalogue, Vietnamese first and English complete (the type
 * makes both languages carry every text). It is kept apart from the staff app's catalogues
 * (web/src/i18n/) so the form's script stays a few kilobytes: those carry every screen of the app.
 * Questions, options and element names are the questionnaire's data and are shown as written.
 */
import type { AnswerValue } from '@domain/sipas/questionnaire.ts';

/** Languages of the public pages. */
export type PublicLocale = 'vi' | 'en';

/** Every text the public form and the field-collection app show. */
export interface PublicTexts {
  htmlLang: string;
  pageTitle: string;
  loading: string;
  switchLanguage: string;
  switchLanguageLabel: string;
  largerText: string;
  intro: string;
  privacy: string;
  unitLabel: string;
  fieldLabel: string;
  choose: string;
  dossierLabel: string;
  levels: Record<AnswerValue, string>;
  required: string;
  overallHeading: string;
  profileHeading: string;
  suggestionHeading: string;
  charactersLeft: (left: number) => string;
  honeypotLabel: string;
  submit: string;
  sending: string;
  errorSummary: (count: number) => string;
  missingQuestion: (id: string) => string;
  missingChoice: (label: string) => string;
  thanksTitle: string;
  receipt: (code: string) => string;
  answerAgain: string;
  nextFormIn: (seconds: number) => string;
  idleTitle: string;
  idleText: (seconds: number) => string;
  idleContinue: string;
  networkError: string;
  linkUsedTitle: string;
  linkUsedText: string;
  notFoundTitle: string;
  notFoundText: string;
  loadFailed: string;
  retry: string;
  missingCampaign: string;
}

const vi: PublicTexts = {
  htmlLang: 'vi',
  pageTitle: 'Phiếu khảo sát sự hài lòng',
  loading: 'Đang tải phiếu khảo sát…',
  switchLanguage: 'English',
  switchLanguageLabel: 'Switch to English',
  largerText: 'Chữ lớn',
  intro:
    'Xin Ông/Bà chọn một mức cho mỗi câu hỏi. Các câu có ghi (bắt buộc) cần được trả lời; những câu khác có thể để trống.',
  privacy: 'Phiếu không hỏi họ tên, số điện thoại hay địa chỉ của Ông/Bà.',
  unitLabel: 'Cơ quan, đơn vị được đánh giá',
  fieldLabel: 'Lĩnh vực thủ tục hành chính',
  choose: '— Chọn —',
  dossierLabel: 'Mã hồ sơ',
  levels: {
    5: 'Rất hài lòng',
    4: 'Hài lòng',
    3: 'Bình thường',
    2: 'Không hài lòng',
    1: 'Rất không hài lòng',
    'no-answer': 'Không trả lời',
  },
  required: '(bắt buộc)',
  overallHeading: 'Đánh giá chung',
  profileHeading: 'Thông tin người trả lời',
  suggestionHeading: 'Góp ý, đề xuất',
  charactersLeft: (left) => `Còn ${left.toLocaleString('vi-VN')} ký tự`,
  honeypotLabel: 'Không điền vào ô này',
  submit: 'Gửi phiếu',
  sending: 'Đang gửi phiếu…',
  errorSummary: (count) => `Phiếu còn ${count} chỗ chưa trả lời:`,
  missingQuestion: (id) => `Chưa trả lời câu ${id}`,
  missingChoice: (label) => `Chưa chọn “${label}”`,
  thanksTitle: 'Trân trọng cảm ơn Ông/Bà!',
  receipt: (code) => `Mã biên nhận: ${code}`,
  answerAgain: 'Trả lời phiếu mới',
  nextFormIn: (seconds) => `Phiếu mới sẽ mở sau ${seconds} giây.`,
  idleTitle: 'Ông/Bà còn đang trả lời phiếu không?',
  idleText: (seconds) => `Nếu không, phiếu sẽ được xóa và mở lại từ đầu sau ${seconds} giây.`,
  idleContinue: 'Tiếp tục trả lời',
  networkError:
    'Chưa gửi được phiếu vì mất kết nối mạng. Câu trả lời vẫn còn nguyên trên trang; xin bấm “Gửi phiếu” lại khi có mạng.',
  linkUsedTitle: 'Hồ sơ này đã được đánh giá',
  linkUsedText:
    'Mỗi hồ sơ chỉ được đánh giá một lần và ý kiến của Ông/Bà đã được ghi nhận. Trân trọng cảm ơn!',
  notFoundTitle: 'Không tìm thấy phiếu khảo sát',
  notFoundText:
    'Đợt khảo sát có thể đã kết thúc, hoặc đường dẫn chưa đúng. Xin kiểm tra lại mã QR hoặc đường dẫn đã nhận.',
  loadFailed: 'Chưa tải được phiếu. Xin kiểm tra kết nối mạng rồi thử lại.',
  retry: 'Thử lại',
  missingCampaign:
    'Đường dẫn thiếu mã đợt khảo sát. Xin quét lại mã QR hoặc mở đúng đường dẫn đã nhận.',
};

const en: PublicTexts = {
  htmlLang: 'en',
  pageTitle: 'Satisfaction survey',
  loading: 'Loading the survey…',
  switchLanguage: 'Tiếng Việt',
  switchLanguageLabel: 'Chuyển sang tiếng Việt',
  largerText: 'Larger text',
  intro:
    'Please choose one level for each question. Questions marked (required) need an answer; the others may be left blank.',
  privacy: 'The form does not ask for your name, phone number or address.',
  unitLabel: 'Agency being rated',
  fieldLabel: 'Field of the procedure',
  choose: '— Choose —',
  dossierLabel: 'Dossier code',
  levels: {
    5: 'Very satisfied',
    4: 'Satisfied',
    3: 'Neutral',
    2: 'Dissatisfied',
    1: 'Very dissatisfied',
    'no-answer': 'No answer',
  },
  required: '(required)',
  overallHeading: 'Overall',
  profileHeading: 'About you',
  suggestionHeading: 'Suggestions',
  charactersLeft: (left) => `${left.toLocaleString('en-GB')} characters left`,
  honeypotLabel: 'Leave this box empty',
  submit: 'Send the form',
  sending: 'Sending…',
  errorSummary: (count) =>
    count === 1 ? 'One answer is still missing:' : `${count} answers are still missing:`,
  missingQuestion: (id) => `Question ${id} is not answered`,
  missingChoice: (label) => `“${label}” is not chosen`,
  thanksTitle: 'Thank you!',
  receipt: (code) => `Receipt: ${code}`,
  answerAgain: 'Answer a new form',
  nextFormIn: (seconds) => `A new form opens in ${seconds} seconds.`,
  idleTitle: 'Are you still answering?',
  idleText: (seconds) => `If not, the form will be cleared and start again in ${seconds} seconds.`,
  idleContinue: 'Continue answering',
  networkError:
    'The form could not be sent: the network is down. Your answers are still on the page; please press “Send the form” again once you are online.',
  linkUsedTitle: 'This dossier has already been rated',
  linkUsedText: 'Each dossier can be rated once and your opinion has been recorded. Thank you!',
  notFoundTitle: 'Survey not found',
  notFoundText:
    'The survey may have ended, or the link is not right. Please check the QR code or the link you received.',
  loadFailed: 'The survey could not be loaded. Please check the network and try again.',
  retry: 'Try again',
  missingCampaign:
    'The link does not name a survey. Please scan the QR code again or open the link you received.',
};

/** The texts of a language. */
export const PUBLIC_TEXTS: Readonly<Record<PublicLocale, PublicTexts>> = { vi, en };

/** The language asked for by `?lang=`, else the one chosen earlier on this device, else Vietnamese. */
export function pickLocale(search: URLSearchParams, remembered: string | null): PublicLocale {
  const asked = search.get('lang') ?? remembered;
  return asked === 'en' ? 'en' : 'vi';
}

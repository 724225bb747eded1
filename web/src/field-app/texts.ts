/**
 * Texts of the offline field-collection app, Vietnamese first and English complete (the type makes
 * both carry every text). The questionnaire itself uses the public form's texts.
 */
import type { PublicLocale } from '../public-form/texts.ts';

/** Every text of the field app. */
export interface FieldTexts {
  title: string;
  online: string;
  offline: string;
  waiting: (count: number) => string;
  refusedHeading: (count: number) => string;
  sendNow: string;
  sending: string;
  sent: (count: number) => string;
  refreshForms: string;
  formsSaved: (count: number) => string;
  signedInAs: (name: string) => string;
  signInNeeded: string;
  signIn: string;
  noForms: string;
  noFormsOffline: string;
  campaignLabel: string;
  unitLabel: string;
  fieldLabel: string;
  choose: string;
  save: string;
  saved: string;
  missingSetup: string;
  uploadFailed: string;
  installHint: string;
  /** The sociological survey (ADR 46). */
  surveyHeading: string;
  surveysSaved: (count: number) => string;
  noSurveys: string;
  surveyLabel: string;
  surveyUnitLabel: string;
  surveyGroupLabel: string;
  surveyScaleHint: string;
  surveySave: string;
  surveySaved: string;
  surveyMissingSetup: string;
  surveyMissing: (count: number) => string;
  surveyUnanswered: string;
}

const vi: FieldTexts = {
  title: 'Thu thập phiếu khảo sát (ngoại tuyến)',
  online: 'Đang có mạng',
  offline: 'Không có mạng: phiếu được lưu trên máy và tự gửi khi có mạng',
  waiting: (count) => `${count} phiếu đang chờ gửi`,
  refusedHeading: (count) => `${count} phiếu bị máy chủ từ chối (cần kiểm tra lại):`,
  sendNow: 'Gửi ngay',
  sending: 'Đang gửi phiếu…',
  sent: (count) => `Đã gửi ${count} phiếu.`,
  refreshForms: 'Tải lại các mẫu phiếu',
  formsSaved: (count) => `Đã lưu ${count} mẫu phiếu trên máy để dùng khi không có mạng.`,
  signedInAs: (name) => `Điều tra viên: ${name}`,
  signInNeeded:
    'Cần đăng nhập để tải mẫu phiếu và gửi phiếu đã thu. Các phiếu đã lưu trên máy vẫn được giữ nguyên.',
  signIn: 'Đăng nhập',
  noForms: 'Không có đợt khảo sát nào đang mở nhận phiếu ngoại tuyến cho đơn vị của Ông/Bà.',
  noFormsOffline: 'Chưa có mẫu phiếu trên máy. Xin mở trang này khi có mạng để tải về.',
  campaignLabel: 'Đợt khảo sát',
  unitLabel: 'Đơn vị được đánh giá',
  fieldLabel: 'Lĩnh vực',
  choose: '— Chọn —',
  save: 'Lưu phiếu',
  saved: 'Đã lưu phiếu trên máy. Mời nhập phiếu tiếp theo.',
  missingSetup: 'Xin chọn đợt khảo sát, đơn vị và lĩnh vực.',
  uploadFailed: 'Chưa gửi được; phiếu vẫn được giữ trên máy và sẽ gửi lại sau.',
  installHint: 'Có thể cài trang này lên màn hình chính để dùng khi không có mạng.',
  surveyHeading: 'Điều tra xã hội học',
  surveysSaved: (count) => `Đã lưu ${count} cuộc điều tra xã hội học trên máy.`,
  noSurveys: 'Không có cuộc điều tra xã hội học nào đang mở cho đơn vị của Ông/Bà.',
  surveyLabel: 'Cuộc điều tra xã hội học',
  surveyUnitLabel: 'Đơn vị mà người trả lời nhận xét',
  surveyGroupLabel: 'Nhóm đối tượng của người trả lời',
  surveyScaleHint:
    'Mỗi câu chọn một mức; chọn «không biết / không trả lời» nếu người trả lời không có ý kiến.',
  surveySave: 'Ghi nhận phiếu điều tra',
  surveySaved: 'Đã lưu phiếu điều tra trên máy. Mời nhập phiếu tiếp theo.',
  surveyMissingSetup: 'Xin chọn cuộc điều tra, đơn vị và nhóm đối tượng.',
  surveyMissing: (count) => `Còn ${count} câu chưa trả lời.`,
  surveyUnanswered: 'Chưa trả lời câu này.',
};

const en: FieldTexts = {
  title: 'Survey collection (offline)',
  online: 'Online',
  offline: 'Offline: forms are kept on this device and sent when the network is back',
  waiting: (count) => `${count} form${count === 1 ? '' : 's'} waiting to be sent`,
  refusedHeading: (count) =>
    `${count} form${count === 1 ? '' : 's'} refused by the server (to check):`,
  sendNow: 'Send now',
  sending: 'Sending forms…',
  sent: (count) => `${count} form${count === 1 ? '' : 's'} sent.`,
  refreshForms: 'Download the questionnaires again',
  formsSaved: (count) =>
    `${count} questionnaire${count === 1 ? '' : 's'} kept on this device for offline use.`,
  signedInAs: (name) => `Enumerator: ${name}`,
  signInNeeded:
    'Sign in to download questionnaires and send collected forms. Forms kept on this device stay here.',
  signIn: 'Sign in',
  noForms: 'No survey is open for offline collection in your units.',
  noFormsOffline:
    'No questionnaire on this device yet. Open this page while online to download them.',
  campaignLabel: 'Survey',
  unitLabel: 'Unit being rated',
  fieldLabel: 'Field',
  choose: '— Choose —',
  save: 'Save the form',
  saved: 'Form saved on this device. Ready for the next one.',
  missingSetup: 'Please choose the survey, the unit and the field.',
  uploadFailed: 'Not sent yet; the forms stay on this device and will be sent later.',
  installHint: 'This page can be installed on the home screen for offline use.',
  surveyHeading: 'Sociological survey',
  surveysSaved: (count) =>
    `${count} sociological survey${count === 1 ? '' : 's'} kept on this device.`,
  noSurveys: 'No sociological survey is open for your units.',
  surveyLabel: 'Sociological survey',
  surveyUnitLabel: 'Unit the respondent rates',
  surveyGroupLabel: 'Respondent group',
  surveyScaleHint:
    'Choose one level per question; choose “don’t know / no answer” when the respondent has no opinion.',
  surveySave: 'Record the survey form',
  surveySaved: 'Survey form saved on this device. Ready for the next one.',
  surveyMissingSetup: 'Please choose the survey, the unit and the respondent group.',
  surveyMissing: (count) => `${count} question${count === 1 ? '' : 's'} still to answer.`,
  surveyUnanswered: 'This question is not answered yet.',
};

/** The field app's texts of a language. */
export const FIELD_TEXTS: Readonly<Record<PublicLocale, FieldTexts>> = { vi, en };

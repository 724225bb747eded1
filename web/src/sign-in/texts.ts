/**
 * The sign-in page's own small catalogue, Vietnamese first and English complete. Its keys are the
 * staff app's (web/src/i18n), and so are its texts: a test holds them equal, so the sign-in page
 * and the app never word the same thing twice. Kept apart from the app's catalogues so the page
 * loads a few kilobytes instead of every screen's texts (ADR 41).
 */

export type SignInLocale = 'vi' | 'en';

export const SIGN_IN_KEYS = [
  'app.name',
  'app.fullName',
  'auth.loginTitle',
  'auth.loginIntro',
  'auth.username',
  'auth.password',
  'auth.submit',
  'auth.usernameRequired',
  'auth.passwordRequired',
  'auth.loggedOut',
  'common.togglePassword',
  'errors.title',
  'errors.network',
  'errors.unexpected',
  'nav.language',
  'languages.vi',
  'languages.en',
] as const;

export type SignInKey = (typeof SIGN_IN_KEYS)[number];
export type SignInTexts = Record<SignInKey, string>;

const vi: SignInTexts = {
  'app.name': 'Chỉ số CCHC',
  'app.fullName': 'Hệ thống Chỉ số cải cách hành chính',
  'auth.loginTitle': 'Đăng nhập',
  'auth.loginIntro': 'Đăng nhập bằng tài khoản được cơ quan quản lý cấp.',
  'auth.username': 'Tên đăng nhập',
  'auth.password': 'Mật khẩu',
  'auth.submit': 'Đăng nhập',
  'auth.usernameRequired': 'Hãy nhập tên đăng nhập.',
  'auth.passwordRequired': 'Hãy nhập mật khẩu.',
  'auth.loggedOut': 'Bạn đã đăng xuất.',
  'common.togglePassword': 'Hiện hoặc ẩn mật khẩu',
  'errors.title': 'Không thực hiện được',
  'errors.network': 'Không kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại.',
  'errors.unexpected': 'Máy chủ trả lời không như mong đợi (mã {{status}}). Hãy thử lại sau.',
  'nav.language': 'Ngôn ngữ',
  'languages.vi': 'Tiếng Việt',
  'languages.en': 'English',
};

const en: SignInTexts = {
  'app.name': 'PAR Index',
  'app.fullName': 'Administrative Reform Index system',
  'auth.loginTitle': 'Sign in',
  'auth.loginIntro': 'Sign in with the account your managing agency gave you.',
  'auth.username': 'Username',
  'auth.password': 'Password',
  'auth.submit': 'Sign in',
  'auth.usernameRequired': 'Enter your username.',
  'auth.passwordRequired': 'Enter your password.',
  'auth.loggedOut': 'You have signed out.',
  'common.togglePassword': 'Show or hide the password',
  'errors.title': 'Could not complete',
  'errors.network': 'Cannot reach the server. Check the network and try again.',
  'errors.unexpected': 'The server gave an unexpected answer (status {{status}}). Try again later.',
  'nav.language': 'Language',
  'languages.vi': 'Tiếng Việt',
  'languages.en': 'English',
};

export const SIGN_IN_TEXTS: Record<SignInLocale, SignInTexts> = { vi, en };

/** A text with its {{placeholders}} filled in. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** The language chosen before on this browser (the staff app's key), else Vietnamese. */
export function pickLocale(remembered: string | null): SignInLocale {
  return remembered === 'en' ? 'en' : 'vi';
}

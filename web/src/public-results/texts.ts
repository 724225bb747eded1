/**
 * The public results page's own small catalogue, Vietnamese first and English complete (the type
 * makes both carry every text). Kept apart from the staff app's catalogues so the page stays a few
 * kilobytes. Campaign, unit, criterion and class names are the campaign's data, shown as written.
 */

export type ResultsLocale = 'vi' | 'en';

export interface ResultsTexts {
  htmlLang: string;
  pageTitle: string;
  brand: string;
  loading: string;
  switchLanguage: string;
  switchLanguageLabel: string;
  intro: string;
  decision: (number: string | null, date: string | null) => string;
  noDecision: string;
  rankingTitle: string;
  tableLabel: string;
  scrollRegion: string;
  scrollHint: string;
  rank: string;
  unit: string;
  total: string;
  index: string;
  className: string;
  rankValue: (rank: number | null, of: number | null) => string;
  provisional: string;
  publishedWithoutSurvey: (reason: string) => string;
  bandFrom: (from: string) => string;
  bandRange: (from: string, to: string, inclusive: boolean) => string;
  chartsTitle: string;
  chartsIntro: string;
  criterionTitle: (code: string, title: string, max: string) => string;
  average: (value: string) => string;
  barValue: (score: string, max: string) => string;
  notPublishedTitle: string;
  notPublishedText: string;
  loadFailed: string;
  retry: string;
  footer: string;
}

const vi: ResultsTexts = {
  htmlLang: 'vi',
  pageTitle: 'Kết quả Chỉ số CCHC',
  brand: 'Chỉ số cải cách hành chính',
  loading: 'Đang tải kết quả…',
  switchLanguage: 'English',
  switchLanguageLabel: 'Switch to English',
  intro: 'Kết quả đã công bố: chỉ số, xếp loại, xếp hạng và điểm từng tiêu chí.',
  decision: (number, date) =>
    `Công bố theo Quyết định${number ? ` số ${number}` : ''}${date ? ` ngày ${date}` : ''}`,
  noDecision: 'Chưa ghi số và ngày quyết định công bố.',
  rankingTitle: 'Bảng xếp hạng',
  tableLabel: 'Kết quả đã công bố',
  scrollRegion: 'Bảng kết quả, cuộn ngang để xem đủ các cột',
  scrollHint: 'Vuốt ngang bảng để xem thêm cột →',
  rank: 'Xếp hạng',
  unit: 'Đơn vị',
  total: 'Tổng điểm',
  index: 'Chỉ số (%)',
  className: 'Xếp loại',
  rankValue: (rank, of) => `${rank ?? '—'}/${of ?? '—'}`,
  provisional: 'tạm tính',
  publishedWithoutSurvey: (reason) => `Công bố khi chưa có điểm khảo sát: ${reason}`,
  bandFrom: (from) => `từ ${from} % trở lên`,
  bandRange: (from, to, inclusive) =>
    inclusive ? `từ ${from} % đến ${to} %` : `từ ${from} % đến dưới ${to} %`,
  chartsTitle: 'Điểm từng tiêu chí',
  chartsIntro: 'Mỗi biểu đồ là một tiêu chí: điểm của từng đơn vị so với điểm tối đa.',
  criterionTitle: (code, title, max) => `Tiêu chí ${code}. ${title} (tối đa ${max} điểm)`,
  average: (value) => `Bình quân: ${value} điểm`,
  barValue: (score, max) => `${score}/${max}`,
  notPublishedTitle: 'Chưa có kết quả công bố',
  notPublishedText: 'Đợt đánh giá này chưa công bố kết quả, hoặc địa chỉ không đúng.',
  loadFailed: 'Không tải được kết quả. Hãy kiểm tra kết nối mạng rồi thử lại.',
  retry: 'Thử lại',
  footer: 'Số liệu do cơ quan thường trực công bố; điểm viết theo phương pháp của Bộ chỉ số.',
};

const en: ResultsTexts = {
  htmlLang: 'en',
  pageTitle: 'Administrative Reform Index results',
  brand: 'Administrative Reform Index',
  loading: 'Loading the results…',
  switchLanguage: 'Tiếng Việt',
  switchLanguageLabel: 'Chuyển sang tiếng Việt',
  intro: 'Published results: index, class, rank and the points of each criterion.',
  decision: (number, date) =>
    `Published by Decision${number ? ` No. ${number}` : ''}${date ? ` of ${date}` : ''}`,
  noDecision: 'The number and date of the publication decision were not recorded.',
  rankingTitle: 'Ranking',
  tableLabel: 'Published results',
  scrollRegion: 'Results table, scroll sideways to see every column',
  scrollHint: 'Swipe the table sideways to see more columns →',
  rank: 'Rank',
  unit: 'Unit',
  total: 'Total points',
  index: 'Index (%)',
  className: 'Class',
  rankValue: (rank, of) => `${rank ?? '—'}/${of ?? '—'}`,
  provisional: 'provisional',
  publishedWithoutSurvey: (reason) => `Published before the survey points were in: ${reason}`,
  bandFrom: (from) => `${from} % and above`,
  bandRange: (from, to, inclusive) =>
    inclusive ? `from ${from} % to ${to} %` : `from ${from} % to under ${to} %`,
  chartsTitle: 'Points per criterion',
  chartsIntro: 'One chart per criterion: each unit’s points against the maximum.',
  criterionTitle: (code, title, max) => `Criterion ${code}. ${title} (maximum ${max} points)`,
  average: (value) => `Average: ${value} points`,
  barValue: (score, max) => `${score}/${max}`,
  notPublishedTitle: 'No published results',
  notPublishedText: 'This campaign has not published its results, or the address is wrong.',
  loadFailed: 'The results could not be loaded. Check the network connection and try again.',
  retry: 'Try again',
  footer: 'Figures published by the standing agency; points written as the index methodology does.',
};

export const RESULTS_TEXTS: Record<ResultsLocale, ResultsTexts> = { vi, en };

/** The language asked for in the address (?lang=en), else the one chosen before, else Vietnamese. */
export function pickLocale(search: URLSearchParams, remembered: string | null): ResultsLocale {
  const asked = search.get('lang') ?? remembered;
  return asked === 'en' ? 'en' : 'vi';
}

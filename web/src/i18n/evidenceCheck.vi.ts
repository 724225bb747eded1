/** Vietnamese texts of the automatic evidence checks (`vi.evidenceCheck`). */
export const evidenceCheckVi = {
  title: 'Kiểm tra tài liệu kiểm chứng trước khi nộp',
  intro:
    'Hệ thống đọc từng tài liệu đã gắn (số, ký hiệu, ngày ban hành, chữ ký số) và so với yêu cầu của tiêu chí, để thấy trước điều cơ quan thẩm định sẽ thấy.',
  run: 'Kiểm tra ngay',
  again: 'Kiểm tra lại',
  pending: 'Đang đọc {{pending}} tài liệu (đã đọc {{checked}}); kết quả tự cập nhật.',
  none: 'Không thấy rủi ro nào trong {{checked}} tài liệu đã đọc.',
  summary: '{{count}} điểm cần xem lại; có thể bị trừ tới {{points}} điểm. Năm đánh giá: {{year}}.',
  atRisk: 'Có thể mất {{points}} điểm',
  worthALook: 'Nên xem lại',
  noDocument: 'Chưa gắn tài liệu kiểm chứng',
  documentNo: 'Tài liệu số {{id}}',
  queueTitle: 'Kết quả tự kiểm tra tài liệu',
  severity: { problem: 'Vấn đề', warning: 'Lưu ý' },
};

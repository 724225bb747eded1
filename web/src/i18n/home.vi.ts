/** Vietnamese texts of the home page "Việc cần làm" (`vi.home`). */
export const homeVi = {
  nav: 'Việc cần làm',
  title: 'Việc cần làm',
  intro:
    'Những việc đang chờ bạn, việc quá hạn trước rồi theo hạn gần nhất. Bấm vào một việc để làm ngay.',
  empty: 'Không có việc nào đang chờ bạn lúc này.',
  due: 'Hạn: {{date}}',
  noDue: 'Không có hạn',
  overdue: 'Quá hạn',
  list: 'Danh sách việc cần làm',
  asRole: 'Với vai trò {{role}}',
  fieldApp: {
    title: 'Ứng dụng thu thập phiếu trên điện thoại',
    text: 'Quét mã QR bằng điện thoại để mở ứng dụng, rồi chọn "Thêm vào màn hình chính" để cài. Ứng dụng giữ phiếu trên máy khi không có mạng và gửi mỗi phiếu đúng một lần.',
    open: 'Mở ứng dụng thu thập phiếu',
    qr: 'Mã QR mở ứng dụng thu thập phiếu: {{url}}',
  },
  task: {
    self_assessment: 'Tự đánh giá của {{unit}}: đã chấm {{done}}/{{total}} tiêu chí',
    submit: 'Nộp bản tự chấm của {{unit}}: còn {{left}}/{{total}} tiêu chí chưa chấm',
    explain:
      'Giải trình kết luận thẩm định của {{unit}}: còn {{count}}/{{total}} kết luận chưa giải trình',
    appraise_round1: 'Thẩm định vòng 1: {{count}} tiêu chí đang chờ bạn chấm',
    appraise_round2: 'Thẩm định vòng 2: {{count}} kết luận đang chờ bạn quyết định',
    close_round1: 'Chốt thẩm định vòng 1: {{count}} đơn vị',
    approve: 'Phê duyệt kết quả: {{count}} đơn vị',
    publish: 'Công bố kết quả: {{count}} đơn vị đã được phê duyệt',
    campaign_progress:
      'Tiến độ: {{submitted}}/{{total}} đơn vị đã nộp tự chấm, {{published}} đơn vị đã công bố',
    late_units: 'Đơn vị quá hạn tự chấm: {{count}} đơn vị chưa nộp',
    campaign_setup: 'Hoàn tất thiết lập và mở đợt đánh giá',
    social_survey: 'Điều tra xã hội học đang mở: {{responses}} phiếu đã nhận; xem tiến độ',
    plan_task: 'Việc được giao trong kế hoạch khắc phục của {{unit}}',
    plan_tasks_due:
      'Kế hoạch khắc phục của {{unit}}: {{late}} việc quá hạn, {{due}} việc đến hạn trong {{days}} ngày tới',
    supervision:
      'Giám sát tại {{unit}}: {{findings}} nội dung phát hiện, {{withoutTask}} nội dung chưa thành nhiệm vụ khắc phục',
    sipas_collect: 'Thu phiếu khảo sát tại {{unit}}: đã có {{answers}} phiếu',
    accounts:
      'Tài khoản: {{total}} tài khoản, {{locked}} đang tạm khóa, {{mustChange}} chờ đổi mật khẩu, {{withoutRole}} chưa có vai trò, {{disabled}} đã vô hiệu hóa',
    health:
      'Tình trạng hệ thống: {{storage}}; {{pendingChecks}} tệp chờ đọc, {{unreadableChecks}} tệp không đọc được, {{interruptedImports}} lần nhập hồ sơ bị gián đoạn',
    outbox: 'Hộp thư đi: {{mails}} thư điện tử được giữ lại vì chưa cấu hình máy chủ thư (SMTP)',
    storageOk: 'kho lưu tệp hoạt động',
    storageDown: 'kho lưu tệp KHÔNG truy cập được',
  },
};

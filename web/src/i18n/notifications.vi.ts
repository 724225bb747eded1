/** Vietnamese texts of the bell (`vi.notifications`); the notices themselves come from the server. */
export const notificationsVi = {
  bell: 'Thông báo',
  bellUnread: 'Thông báo: {{count}} chưa đọc',
  title: 'Thông báo',
  markAllRead: 'Đánh dấu đã đọc tất cả',
  empty: 'Chưa có thông báo nào.',
  new: 'Mới',
};

/** Vietnamese texts of the public SIPAS channels as staff screens show them (posters, links). */
export const sipasChannelsVi = {
  posters: 'Tải áp phích mã QR (PDF)',
  postersHint: 'Mỗi trang một đơn vị và lĩnh vực, in khổ A4 và dán tại quầy tiếp nhận.',
  formLink: 'Đường dẫn phiếu công khai',
  kioskLink: 'Đường dẫn cho máy tính bảng tại quầy (chế độ kiosk)',
  fieldApp: 'Ứng dụng thu thập ngoại tuyến cho điều tra viên',
};

/**
 * The server's message catalogue: every text a user can read in an API answer, Vietnamese first,
 * English complete. Keys are stable error codes (and a few field-problem keys); `{name}` marks a
 * parameter.
 */
import { DOSSIER_PROBLEM_TEXTS } from '../../domain/dossiers/dossier.ts';

export type Locale = 'vi' | 'en';

const vi = {
  // error codes
  validation_failed: 'Dữ liệu gửi lên chưa hợp lệ.',
  not_authenticated: 'Bạn cần đăng nhập để tiếp tục.',
  forbidden: 'Bạn không có quyền thực hiện thao tác này.',
  forbidden_unit: 'Bạn không có quyền thực hiện thao tác này trên đơn vị «{unit}».',
  not_found: 'Không tìm thấy {what}.',
  route_not_found: 'Không có địa chỉ {method} {url}.',
  conflict: 'Dữ liệu đã bị người khác thay đổi. Hãy tải lại trang rồi thử lại.',
  csrf_invalid:
    'Phiên làm việc đã hết hạn hoặc yêu cầu không hợp lệ (mã chống giả mạo). Hãy tải lại trang.',
  rate_limited: 'Bạn thao tác quá nhanh. Hãy thử lại sau {seconds} giây.',
  invalid_credentials: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  login_throttled: 'Đăng nhập sai nhiều lần. Thử lại sau {seconds} giây.',
  account_disabled: 'Tài khoản đã bị vô hiệu hóa. Hãy liên hệ quản trị viên.',
  unit_code_taken: 'Mã đơn vị «{code}» đã được dùng cho «{name}» trong cùng thời gian hiệu lực.',
  unit_cycle: 'Không thể đặt «{unit}» vào bên trong chính nó hoặc đơn vị cấp dưới của nó.',
  unit_unknown_kind: 'Loại đơn vị «{kind}» không tồn tại.',
  unit_validity: 'Ngày hết hiệu lực phải sau hoặc bằng ngày bắt đầu hiệu lực.',
  lineage_exists: 'Quan hệ sáp nhập này đã có.',
  username_taken: 'Tên đăng nhập «{username}» đã được dùng.',
  password_too_weak: 'Mật khẩu phải có ít nhất 10 ký tự.',
  wrong_current_password: 'Mật khẩu hiện tại không đúng.',
  cannot_disable_self: 'Bạn không thể tự vô hiệu hóa tài khoản của mình.',
  import_invalid: 'Tệp nhập có {count} dòng lỗi; chưa có dữ liệu nào được nhập.',
  import_empty: 'Tệp nhập không có dòng dữ liệu nào.',
  import_not_text: 'Tệp nhập không phải tệp CSV văn bản (UTF-8).',
  import_missing_columns: 'Tệp nhập thiếu cột: {columns}.',
  payload_too_large: 'Tệp hoặc dữ liệu gửi lên quá lớn (tối đa {limit}).',
  unsupported_media_type: 'Định dạng dữ liệu gửi lên không được hỗ trợ.',
  bad_request: 'Yêu cầu không hợp lệ: {detail}',
  invalid_json: 'Dữ liệu gửi lên không phải JSON hợp lệ.',
  internal_error: 'Đã có lỗi phía máy chủ. Lỗi đã được ghi lại; hãy thử lại sau.',
  storage_unavailable: 'Kho lưu tệp đang không truy cập được, vui lòng thử lại sau.',
  // field problems
  field_required: 'Trường «{field}» là bắt buộc.',
  field_type: 'Trường «{field}» phải là {expected}.',
  field_too_short: 'Trường «{field}» phải có ít nhất {min} ký tự.',
  field_too_long: 'Trường «{field}» chỉ được tối đa {max} ký tự.',
  field_too_small: 'Trường «{field}» phải lớn hơn hoặc bằng {min}.',
  field_too_big: 'Trường «{field}» phải nhỏ hơn hoặc bằng {max}.',
  field_format: 'Trường «{field}» không đúng định dạng.',
  field_enum: 'Trường «{field}» phải là một trong: {options}.',
  field_unknown: 'Trường «{field}» không được chấp nhận.',
  field_invalid: 'Trường «{field}» không hợp lệ.',
  field_nul: 'Trường «{field}» chứa ký tự NUL (mã 0), không được chấp nhận.',
  field_unicode: 'Trường «{field}» chứa ký tự Unicode không hợp lệ (nửa cặp UTF-16 đứng riêng).',
  field_nesting: 'Trường «{field}» lồng nhau quá sâu (tối đa {max} cấp).',
  field_upload_malformed: 'Trường «{field}»: dữ liệu tệp gửi lên bị hỏng hoặc bị cắt ngang.',
  upload_malformed: 'Dữ liệu tệp gửi lên (multipart) không đọc được; hãy gửi lại tệp.',
  value_refused: 'Một giá trị gửi lên không hợp lệ hoặc vượt quá giới hạn cho phép.',
  entity_criteria_set: 'bộ chỉ số',
  entity_criteria_node: 'tiêu chí',
  criteria_frozen:
    'Bộ chỉ số «{name}» đã được khóa (đang dùng cho đợt đánh giá); hãy tạo bản sao cho năm mới để sửa.',
  criteria_has_problems: 'Bộ chỉ số còn {count} lỗi cần sửa trước khi khóa.',
  criteria_tree_invalid: 'Cây tiêu chí không hợp lệ.',
  criteria_rule_invalid: 'Tiêu chí {code}: quy tắc chấm không hợp lệ: {reason}',
  criteria_bands_invalid: 'Các mức xếp loại không hợp lệ: {reason}',
  criteria_mapping_unknown_code: 'Mã tiêu chí «{code}» không có trong {which}.',
  xlsx_not_xlsx: 'Tệp không phải bảng tính Excel (.xlsx).',
  xlsx_corrupt: 'Tệp Excel bị hỏng, không đọc được.',
  xlsx_bomb: 'Tệp Excel giải nén ra quá lớn (trên {limit}); có thể là tệp độc hại.',
  file_corrupt: 'Tệp bị hỏng, không đọc được (phần {part}).',
  file_too_many_entries:
    'Tệp có quá nhiều phần bên trong ({count}, tối đa {limit}); có thể là tệp độc hại.',
  file_part_too_large: 'Tệp quá lớn khi giải nén: phần {part} vượt {limit}; có thể là tệp độc hại.',
  file_inflated_too_large:
    'Tệp quá lớn khi giải nén: các phần cộng lại vượt {limit}; có thể là tệp độc hại.',
  file_ratio_too_high:
    'Tệp nén bất thường: phần {part} giải nén ra gấp {ratio} lần (tối đa {limit} lần); có thể là tệp độc hại.',
  file_xml_doctype:
    'Tệp bị từ chối: phần {part} có khai báo DOCTYPE hoặc ENTITY, điều tệp Office thật không có.',
  file_too_many_cells: 'Bảng tính có quá nhiều ô: tới phần {part} đã vượt {limit} ô.',
  file_too_heavy:
    'Đọc tệp cần nhiều bộ nhớ hơn mức cho phép ({limit}) nên đã dừng; hãy chia tệp nhỏ hơn.',
  file_too_slow: 'Đọc tệp quá {seconds} giây nên đã dừng; hãy chia tệp nhỏ hơn.',
  file_unreadable: 'Không đọc được tệp; tệp có thể bị hỏng.',
  file_queue_full: 'Máy chủ đang đọc nhiều tệp cùng lúc; hãy thử lại sau {seconds} giây.',
  xlsx_missing_sheet: 'Không tìm thấy trang «{sheet}» trong tệp Excel.',
  xlsx_empty_sheet: 'Trang «{sheet}» không có dữ liệu.',
  xlsx_too_many_rows: 'Trang «{sheet}» có {count} dòng, vượt giới hạn {limit} dòng.',
  xlsx_missing_columns: 'Trang «{sheet}» thiếu cột: {columns}. Dòng tiêu đề phải có các cột này.',
  xlsx_invalid: 'Tệp Excel có {count} lỗi; chưa có dữ liệu nào được lưu.',
  cell_merged: 'ô gộp {range} không được hỗ trợ; hãy bỏ gộp ô',
  cell_not_number: '«{value}» không phải số',
  cell_too_many_decimals: '«{value}» có quá hai chữ số thập phân',
  cell_negative: 'không được âm',
  cell_required: 'thiếu giá trị',
  cell_bad_code: 'mã «{value}» không hợp lệ (dạng 1, 2.3, 2.3.1)',
  cell_duplicate_code: 'mã «{value}» bị trùng với dòng {other}',
  cell_orphan: 'không có tiêu chí cấp trên «{parent}» ở các dòng phía trên',
  cell_bad_rule: '{reason}',
  cell_bad_value: 'giá trị «{value}» không hợp lệ; dùng: {options}',
  cell_bad_date: 'ngày «{value}» không hợp lệ (dạng 15/01/2026)',
  entity_unit: 'đơn vị',
  entity_lineage: 'quan hệ sáp nhập',
  entity_user: 'người dùng',
  entity_session: 'phiên làm việc',
  entity_grant: 'quyền được giao',
  entity_evidence: 'tài liệu kiểm chứng',
  entity_evidence_version: 'phiên bản tài liệu',
  entity_evidence_recheck: 'lượt kiểm tra lại tài liệu',
  evidence_empty: 'Tệp «{filename}» rỗng (0 byte); hãy chọn lại tệp.',
  evidence_type_refused:
    'Tệp «{filename}» không phải PDF, Word (.docx), Excel (.xlsx), ảnh JPG hay PNG (nhận biết theo nội dung tệp, không theo tên); tệp không được lưu.',
  evidence_file_missing: 'Thiếu tệp đính kèm (trường «file»).',
  evidence_too_many_files: 'Mỗi lần chỉ tải lên một tệp.',
  evidence_upload_interrupted: 'Việc tải tệp lên bị gián đoạn; tệp chưa được lưu. Hãy thử lại.',
  evidence_duplicate:
    'Tệp này đã có trong thư viện tài liệu của đơn vị: «{summary}» (phiên bản {versionNo}); không lưu thêm bản trùng.',
  evidence_in_use:
    'Tài liệu «{summary}» đang được dùng làm tài liệu kiểm chứng ở {count} nơi nên không thể xóa: {places}.',
  evidence_file_unavailable:
    'Không đọc được tệp của tài liệu «{summary}» trong kho lưu trữ. Hãy báo quản trị viên.',
  evidence_check_encrypted: 'Tệp PDF được đặt mật khẩu (mã hóa) nên không đọc được nội dung.',
  evidence_check_corrupt: 'Tệp bị hỏng hoặc không đầy đủ nên không đọc được nội dung.',
  evidence_check_too_large: 'Tệp quá lớn để tự kiểm tra.',
  evidence_check_timeout: 'Đọc nội dung tệp quá lâu nên đã dừng; hãy kiểm tra tệp bằng mắt.',
  evidence_check_scan: 'Bản quét (ảnh), chưa đọc được chữ: máy chủ chưa có nhận dạng chữ (OCR).',
  evidence_check_scan_no_text:
    'Bản quét (ảnh) đã qua nhận dạng chữ (OCR) nhưng không đọc được chữ nào; hãy quét lại rõ hơn.',
  evidence_check_format_not_checked:
    'Chỉ tự kiểm tra tệp PDF, Word (.docx), OpenDocument (.odt) và ảnh quét; định dạng này chưa được đọc.',
  evidence_check_file_unavailable: 'Không mở được tệp trong kho lưu trữ để kiểm tra.',
  evidence_check_not_finished:
    'Hệ thống chưa đọc xong phiên bản hiện tại của tài liệu nên chưa thể xác nhận kết quả đọc; hãy thử lại sau ít phút.',
  evidence_finding_no_evidence:
    'Tiêu chí có điểm tự chấm nhưng chưa gắn tài liệu kiểm chứng nào; cơ quan thẩm định sẽ không có căn cứ để công nhận điểm.',
  evidence_finding_not_read:
    'Không đọc được nội dung tệp (bản quét hoặc tệp không phải văn bản); cơ quan thẩm định sẽ phải đọc trực tiếp.',
  evidence_finding_not_signed: 'Tài liệu chưa có chữ ký số; tiêu chí này yêu cầu văn bản đã ký.',
  evidence_finding_signature_invalid:
    'Chữ ký số của {signer} không hợp lệ: nội dung đã ký không còn khớp với chữ ký.',
  evidence_finding_changed_after_signing:
    'Tệp đã bị sửa sau khi {signer} ký số; cơ quan thẩm định sẽ thấy chữ ký không còn bảo đảm toàn vẹn.',
  evidence_finding_signer_not_trusted:
    'Chứng thư số của {signer} không thuộc tổ chức chứng thực chữ ký số được tin cậy; cơ quan thẩm định có thể không công nhận chữ ký.',
  evidence_finding_trust_not_checked:
    'Không kiểm tra được chứng thư số của {signer} có thuộc tổ chức chứng thực chữ ký số được tin cậy hay không: máy chủ chưa được cấu hình chứng thư gốc (ví dụ chứng thư gốc quốc gia).',
  evidence_finding_signing_date_differs:
    'Ngày ký số ({signedOn}) khác ngày ban hành ghi trên văn bản ({issuedOn}).',
  evidence_finding_issued_after_deadline:
    'Văn bản ban hành ngày {issuedOn}, sau thời hạn {deadline}.',
  evidence_finding_other_year: 'Văn bản ban hành năm {year}, không thuộc năm đánh giá {expected}.',
  evidence_finding_other_type: 'Văn bản là {found}, trong khi tiêu chí yêu cầu {expected}.',
  evidence_finding_number_blank:
    'Số văn bản để trống (Số: /{symbol}); văn bản chưa được vào sổ ban hành.',
  evidence_finding_date_blank:
    'Ngày ban hành để trống trên văn bản; chưa xác định được văn bản ban hành khi nào.',
  evidence_finding_same_file_unrelated_node:
    'Cùng tệp này cũng được gắn làm tài liệu kiểm chứng cho tiêu chí {others}, không liên quan đến tiêu chí {node}; cơ quan thẩm định sẽ thấy tài liệu không đúng với tiêu chí và có thể không công nhận điểm.',
  type_string: 'chuỗi ký tự',
  type_number: 'số',
  type_integer: 'số nguyên',
  type_boolean: 'đúng/sai',
  type_object: 'đối tượng',
  type_array: 'danh sách',
  // import rows
  row_error: 'Dòng {row}, cột «{column}»: {message}',
  row_missing_value: 'thiếu giá trị',
  row_bad_date: 'ngày «{value}» không hợp lệ (dùng dd/mm/yyyy hoặc yyyy-mm-dd)',
  row_bad_code:
    'mã «{value}» chỉ được gồm chữ, số, dấu chấm, gạch ngang, gạch dưới (tối đa 32 ký tự)',
  row_unknown_kind: 'loại đơn vị «{value}» không tồn tại',
  row_unknown_parent: 'không tìm thấy đơn vị cấp trên có mã «{value}»',
  row_duplicate_code: 'mã «{value}» bị trùng với dòng {other}',
  row_code_taken: 'mã «{value}» đã có trong hệ thống («{name}»)',
  row_column_count: 'số cột ({count}) khác với dòng tiêu đề ({expected})',
  row_validity: 'ngày hết hiệu lực trước ngày bắt đầu hiệu lực',
  entity_campaign: 'đợt đánh giá',
  entity_campaign_unit: 'đơn vị trong đợt đánh giá',
  campaign_problem: '{message}',
  campaign_invalid: 'Thiết lập đợt đánh giá còn {count} lỗi cần sửa.',
  campaign_entry_invalid: 'Tiêu chí {code}: dữ liệu chưa hợp lệ.',
  campaign_evidence_not_in_library:
    'Tài liệu mã {id} không có trong thư viện tài liệu kiểm chứng của {unit}.',
  campaign_entry_conflict:
    'Tiêu chí {code} vừa được {by} lưu lúc {at}; nội dung của bạn chưa được lưu. Hãy tải lại để xem bản mới rồi sửa tiếp.',
  campaign_not_setup: 'Đợt đánh giá «{name}» đã mở; không thể đổi bộ chỉ số.',
  campaign_appraising_unit_locked: 'Đợt đánh giá «{name}» đã mở; không thể đổi cơ quan thẩm định.',
  campaign_appraising_unit_outside:
    'Đơn vị «{unit}» không thuộc phạm vi của cơ quan chủ trì đợt đánh giá nên không thể là cơ quan thẩm định.',
  campaign_closed: 'Đợt đánh giá «{name}» đã kết thúc; không thể thay đổi.',
  campaign_bulk_reason: 'lý do mở lại',
  campaign_bulk_not_participant: 'Đơn vị mã số {id} không tham gia đợt đánh giá này.',
  campaign_remind_forbidden:
    'Chỉ Cơ quan thường trực, Chủ tịch Hội đồng hoặc quản trị viên phụ trách {unit} được nhắc việc.',
  campaign_remind_not_open: 'Đợt đánh giá «{name}» không đang mở; không có việc để nhắc.',
  campaign_remind_nothing_due: 'Không có việc chờ {unit} (hồ sơ {status}).',
  campaign_remind_no_one: 'Chưa có tài khoản cán bộ hoặc lãnh đạo của {unit} để nhận lời nhắc.',
  campaign_publish_needs_survey:
    'Kết quả của {unit} còn tạm tính (chưa có điểm điều tra xã hội học): nhập điểm khảo sát, hoặc công bố không có điểm khảo sát kèm lý do.',
  campaign_unappraised:
    'Chưa thể {action} của {unit}: {count} tiêu chí thành phần chưa có người thẩm định và chưa được Chủ tịch Hội đồng chấp nhận điểm tự chấm: {list}. Hãy phân công thẩm định các tiêu chí này, hoặc chấp nhận điểm tự chấm của chúng kèm lý do.',
  campaign_unappraised_item: 'Tiêu chí {code} «{title}» chưa có người thẩm định.',
  campaign_coverage_closeRound1: 'chốt thẩm định vòng 1',
  campaign_coverage_approve: 'phê duyệt kết quả',
  campaign_code_not_unappraised:
    'Mã «{code}» không phải tiêu chí chưa có người thẩm định trong các đơn vị bạn phụ trách.',
  campaign_set_has_problems:
    'Bộ chỉ số «{name}» còn {count} lỗi; hãy sửa trước khi dùng cho đợt đánh giá.',
  campaign_unit_kind_missing:
    'Đợt đánh giá chưa có bộ chỉ số cho loại đơn vị của «{unit}» ({kind}).',
  campaign_not_published: 'Kết quả của đợt đánh giá này chưa được công bố.',
  results_cursor_invalid:
    'Con trỏ trang (cursor) không hợp lệ: hãy dùng giá trị nextCursor của trang trước.',
  campaign_import_invalid: 'Tệp điểm có {count} lỗi; chưa có điểm nào được nhập.',
  campaign_survey_above_max: 'Điểm điều tra xã hội học {points} vượt điểm tối đa {max}.',
  campaign_survey_not_configured:
    'Bộ chỉ số của loại đơn vị này không có phần điểm điều tra xã hội học.',
  workflow_campaign_not_open: '{message}',
  workflow_forbidden: '{message}',
  workflow_invalid_state: '{message}',
  workflow_locked: '{message}',
  workflow_too_early: '{message}',
  workflow_deadline_passed: '{message}',
  workflow_not_assigned: '{message}',
  workflow_no_finding: '{message}',
  workflow_reason_required: '{message}',
  workflow_incomplete: '{message}',
  // why a workflow transition is refused; names of actions, statuses and deadlines in them
  workflow_refusal_campaign_not_open: 'Đợt đánh giá chưa mở',
  workflow_refusal_campaign_closed: 'Đợt đánh giá đã kết thúc; không thể thay đổi',
  workflow_refusal_forbidden: 'Tài khoản không có quyền “{event}” ở đơn vị này',
  workflow_refusal_locked: 'Không thể {event}: hồ sơ {status}',
  workflow_refusal_locked_withdraw_first: 'Không thể {event}: hồ sơ {status}; hãy rút lại để sửa',
  workflow_refusal_invalid_state: 'Chưa thể {event}: hồ sơ {status}',
  workflow_refusal_self_deadline_passed:
    'Đã hết hạn tự đánh giá, chấm điểm; chỉ cơ quan thường trực mới mở lại được cho đơn vị',
  workflow_refusal_incomplete_submission:
    'Bản tự chấm còn {count} nội dung chưa hoàn thành; chưa nộp được',
  workflow_refusal_reason_required: 'Phải nêu lý do mở lại',
  workflow_refusal_reopen_until_passed: 'Hạn mới cho đơn vị đã qua',
  workflow_refusal_appraisal_too_early:
    'Chưa hết hạn tự đánh giá, chấm điểm; đơn vị còn có thể rút lại để sửa nên chưa thẩm định',
  workflow_refusal_not_assigned: 'Tài khoản không được phân công thẩm định tiêu chí {nodeCode}',
  workflow_refusal_no_finding_round2:
    'Tiêu chí {nodeCode} không có kết luận thẩm định vòng 1 để xem xét lại; vòng 2 chỉ xét các kết luận của vòng 1',
  workflow_refusal_deadline_passed: 'Đã qua {deadline}',
  workflow_refusal_no_finding_explain:
    'Tiêu chí {nodeCode} không có kết luận thẩm định vòng 1 cần giải trình',
  workflow_refusal_explanations_deadline_passed: 'Đã hết hạn giải trình',
  workflow_refusal_explanations_locked_by_staff:
    'Đã hết hạn giải trình; cơ quan thường trực hoặc Chủ tịch Hội đồng chốt giải trình',
  workflow_refusal_explanations_too_early: 'Chưa hết hạn giải trình; đơn vị còn đang giải trình',
  workflow_refusal_undecided_findings: 'Còn {count} kết luận vòng 1 chưa được thẩm định vòng 2',
  workflow_event_saveDraft: 'lưu bản tự chấm',
  workflow_event_submit: 'nộp bản tự chấm',
  workflow_event_withdraw: 'rút lại bản tự chấm',
  workflow_event_reopen: 'mở lại tự chấm cho đơn vị',
  workflow_event_scoreRound1: 'chấm thẩm định vòng 1',
  workflow_event_closeRound1: 'chốt thẩm định vòng 1',
  workflow_event_explain: 'giải trình',
  workflow_event_lockExplanations: 'chốt giải trình',
  workflow_event_decideRound2: 'thẩm định vòng 2',
  workflow_event_approve: 'hội đồng phê duyệt kết quả',
  workflow_event_reopenResult: 'mở lại kết quả đã phê duyệt',
  workflow_event_publish: 'công bố kết quả',
  workflow_status_not_started: 'chưa tự chấm',
  workflow_status_draft: 'đang tự chấm',
  workflow_status_submitted: 'đã nộp tự chấm',
  workflow_status_reopened: 'được mở lại để tự chấm',
  workflow_status_round1_in_progress: 'đang thẩm định vòng 1',
  workflow_status_round1_closed: 'đã chốt thẩm định vòng 1',
  workflow_status_explaining: 'đang giải trình',
  workflow_status_explanations_locked: 'đã chốt giải trình',
  workflow_status_round2_in_progress: 'đang thẩm định vòng 2',
  workflow_status_approved: 'hội đồng đã phê duyệt',
  workflow_status_published: 'đã công bố',
  workflow_deadline_selfAssessment: 'hạn tự đánh giá, chấm điểm',
  workflow_deadline_round1: 'hạn thẩm định vòng 1',
  workflow_deadline_explanations: 'hạn giải trình',
  workflow_deadline_round2: 'hạn thẩm định vòng 2',
  workflow_deadline_publication: 'hạn công bố kết quả',
  // dossier-handling evaluation
  entity_dossier: 'hồ sơ',
  entity_dossier_import_job: 'lượt nhập hồ sơ',
  dossier_import_empty:
    'Tệp hồ sơ trống: không có dòng tiêu đề hoặc không có dòng dữ liệu nào; chưa có hồ sơ nào được nhập.',
  dossier_import_wrong_type: 'Tệp không phải CSV hay Excel (.xlsx); chưa có hồ sơ nào được nhập.',
  dossier_import_not_utf8:
    'Tệp CSV không ở bảng mã UTF-8 (có thể là TCVN3 hoặc Windows-1258). Hãy lưu lại dưới dạng “CSV UTF-8” rồi nhập lại; chưa có hồ sơ nào được nhập.',
  dossier_import_bad_csv:
    'Tệp CSV bị lỗi định dạng gần dòng {row} ({detail}); chưa có hồ sơ nào được nhập.',
  dossier_import_invalid:
    'Tệp có {count} dòng lỗi; chưa có hồ sơ nào được nhập. Hãy sửa các dòng được liệt kê rồi nhập lại.',
  dossier_import_failed: 'Nhập hồ sơ không thành công ({detail}); dữ liệu cũ được giữ nguyên.',
  dossier_import_cancelled: 'Lượt nhập đã bị hủy; chưa hồ sơ nào của tệp được ghi.',
  dossier_import_already_retried: 'Lượt nhập này đã được chạy lại thành lượt nhập {id}.',
  dossier_import_interrupted:
    'Lượt nhập bị gián đoạn vì máy chủ dừng giữa chừng; chưa hồ sơ nào của tệp được ghi. Có thể chạy lại lượt nhập.',
  dossier_import_file_gone:
    'Không còn tệp của lượt nhập này trên máy chủ (đã chạy lại, hoặc lượt nhập chạy từ dòng lệnh); hãy tải tệp lên lại.',
  job_not_interrupted: 'Chỉ chạy lại được việc đã bị gián đoạn.',
  job_status_queued: 'Đang chờ',
  job_status_running: 'Đang chạy',
  job_status_succeeded: 'Hoàn tất',
  job_status_failed: 'Thất bại',
  job_status_cancelled: 'Đã hủy',
  job_status_interrupted: 'Bị gián đoạn',
  job_kind_evidence_check: 'Kiểm tra tài liệu kiểm chứng',
  job_kind_document_draft: 'Soạn văn bản',
  job_kind_dossier_import: 'Nhập hồ sơ',
  job_kind_audit_checkpoint: 'Ghi mốc neo nhật ký',
  job_kind_jobs_recover: 'Đánh dấu việc bị gián đoạn của tiến trình đã dừng',
  dossier_layout_changed:
    'Các cột của tệp không khớp với cách ghép cột đã lưu cho nguồn «{source}» (thiếu cột: {columns}). Hãy xem trước và ghép lại cột; chưa có hồ sơ nào được nhập.',
  dossier_mapping_unknown_headers: 'Cách ghép cột nêu những cột không có trong tệp: {columns}.',
  dossier_mapping_incomplete: 'Chưa ghép các cột bắt buộc: {columns}.',
  dossier_row_unknown_unit: 'không có đơn vị nào mang mã «{code}»',
  dossier_row_out_of_scope: 'bạn không có quyền nhập hồ sơ của đơn vị «{unit}»',
  dossier_row_duplicate: 'mã hồ sơ «{code}» xuất hiện ở nhiều dòng ({rows})',
  // a cell of an imported dossier row (the domain parser's own texts)
  ...DOSSIER_PROBLEM_TEXTS,
  dossier_already_rated: 'Hồ sơ «{code}» đã được đánh giá; mỗi hồ sơ chỉ được đánh giá một lần.',
  dossier_rating_not_matched:
    'Mã hồ sơ hoặc mã đánh giá không đúng. Hãy nhập đúng hai mã in trên giấy biên nhận hồ sơ.',
  dossier_rating_invalid: 'Điểm đánh giá chỉ số {indicator} phải từ {min} đến {max}.',
  dossier_rating_empty: 'Phiếu đánh giá chưa có điểm chỉ số nào.',
  dossier_unknown_bands: 'Không có bộ mức xếp loại «{id}».',
  dossier_bad_period: 'Quý «{period}» không hợp lệ (dạng 2024-Q1).',
  dossier_late_cursor_invalid:
    'Tham số «{field}» (trang tiếp theo của danh sách hồ sơ trễ hạn) không hợp lệ; hãy mở lại trang đầu của danh sách.',
  dossier_unit_outside_area: 'Đơn vị «{unit}» không thuộc «{area}».',
  dossier_method_title: 'Cách tính theo Thông tư 01/2018/TT-VPCP',
  dossier_method_source_default: 'theo câu chữ của Thông tư, chưa có thiết lập riêng',
  dossier_method_source_unit: 'do {unit} thiết lập',
  dossier_method_divisor_evaluated:
    'Điểm mỗi chỉ số chia cho tổng số hồ sơ được đánh giá (hồ sơ không được chấm chỉ số đó tính 0 điểm)',
  dossier_method_divisor_scored: 'Điểm mỗi chỉ số chia cho số hồ sơ được chấm chỉ số đó',
  'dossier_method_fewIndicators_full-max':
    'Đơn vị chấm dưới 9 chỉ số: xếp loại theo tổng điểm trên tổng điểm tối đa của 9 chỉ số',
  'dossier_method_fewIndicators_scored-max':
    'Đơn vị chấm dưới 9 chỉ số: xếp loại theo tổng điểm trên tổng điểm tối đa của các chỉ số được chấm',
  'dossier_method_fewIndicators_not-classed': 'Đơn vị chấm dưới 9 chỉ số: không xếp loại',
  'dossier_method_dueWithoutTime_end-of-day':
    'Ngày hẹn trả không ghi giờ: đúng hạn đến hết ngày hẹn trả',
  'dossier_method_dueWithoutTime_start-of-day':
    'Ngày hẹn trả không ghi giờ: hạn là 00:00 của ngày hẹn trả',
  dossier_postal_catalogue_invalid:
    'Danh mục có {count} dòng lỗi; danh mục chưa được thay đổi. Hãy sửa các dòng được liệt kê rồi lưu lại.',
  dossier_postal_catalogue_empty:
    'Danh mục chưa có thủ tục nào: hãy dán hoặc tải lên ít nhất một mã TTHC; danh mục chưa được thay đổi.',
  dossier_postal_catalogue_too_many: 'Danh mục có hơn {max} thủ tục; danh mục chưa được thay đổi.',
  dossier_postal_catalogue_wrong_type:
    'Tệp không phải CSV hay Excel (.xlsx); danh mục chưa được thay đổi.',
  dossier_postal_catalogue_not_utf8:
    'Tệp CSV không ở bảng mã UTF-8 (có thể là TCVN3 hoặc Windows-1258). Hãy lưu lại dưới dạng “CSV UTF-8” rồi tải lên lại; danh mục chưa được thay đổi.',
  dossier_postal_catalogue_none: 'Đơn vị «{unit}» chưa có danh mục TTHC bưu chính công ích riêng.',
  dossier_postal_row_code_missing: 'Dòng {row}: thiếu mã TTHC.',
  dossier_postal_row_code_invalid:
    'Dòng {row}: mã TTHC «{value}» không hợp lệ (chỉ gồm chữ không dấu, chữ số và các dấu . _ - /, tối đa 50 ký tự).',
  dossier_postal_row_code_duplicate: 'Dòng {row}: mã TTHC «{code}» đã có ở dòng {first}.',
  dossier_postal_row_name_too_long: 'Dòng {row}: tên thủ tục dài quá {max} ký tự.',
  dossier_official_exists:
    'Đơn vị «{unit}» đã có cán bộ mã «{code}» ({name}); hãy sửa tên thay vì thêm mới.',
  dossier_official_none: 'Đơn vị «{unit}» chưa ghi tên cán bộ mã «{code}».',
  'dossier_official_code-missing': 'Thiếu mã cán bộ.',
  'dossier_official_code-too-long': 'Mã cán bộ dài quá {max} ký tự.',
  'dossier_official_code-invalid':
    'Mã cán bộ có ký tự điều khiển (xuống dòng, tab); mã là một dòng chữ.',
  'dossier_official_name-missing': 'Thiếu họ và tên cán bộ.',
  'dossier_official_name-too-long': 'Họ và tên dài quá {max} ký tự.',
  dossier_officials_invalid:
    'Tệp có {count} lỗi; danh sách cán bộ chưa được thay đổi. Hãy sửa các dòng được liệt kê rồi tải lên lại.',
  dossier_officials_empty:
    'Tệp chưa có cán bộ nào: mỗi dòng một mã cán bộ và họ tên; danh sách chưa được thay đổi.',
  dossier_officials_too_many: 'Tệp có hơn {max} cán bộ; danh sách chưa được thay đổi.',
  dossier_officials_wrong_type:
    'Tệp không phải CSV hay Excel (.xlsx); danh sách cán bộ chưa được thay đổi.',
  dossier_officials_not_utf8:
    'Tệp CSV không ở bảng mã UTF-8 (có thể là TCVN3 hoặc Windows-1258). Hãy lưu lại dưới dạng “CSV UTF-8” rồi tải lên lại; danh sách cán bộ chưa được thay đổi.',
  'dossier_officials_row_code-missing': 'Dòng {row}, cột «{column}»: thiếu mã cán bộ.',
  'dossier_officials_row_code-too-long':
    'Dòng {row}, cột «{column}»: mã cán bộ dài quá {max} ký tự.',
  'dossier_officials_row_code-invalid':
    'Dòng {row}, cột «{column}»: mã cán bộ có ký tự điều khiển.',
  'dossier_officials_row_code-duplicate':
    'Dòng {row}, cột «{column}»: mã cán bộ «{code}» đã có ở dòng {first}.',
  'dossier_officials_row_name-missing': 'Dòng {row}, cột «{column}»: thiếu họ và tên.',
  'dossier_officials_row_name-too-long':
    'Dòng {row}, cột «{column}»: họ và tên dài quá {max} ký tự.',
  // SIPAS
  entity_sipas_campaign: 'đợt khảo sát sự hài lòng',
  entity_sipas_questionnaire: 'mẫu phiếu khảo sát',
  entity_sipas_link: 'đường dẫn khảo sát',
  // sociological survey (điều tra xã hội học)
  entity_social_survey: 'cuộc điều tra xã hội học của đợt đánh giá',
  entity_survey_questionnaire: 'bảng hỏi điều tra xã hội học',
  entity_survey_respondent: 'người trả lời phiếu điều tra xã hội học',
  survey_respondent_answered:
    '{name} đã trả lời {count} phiếu: không bỏ được người đã trả lời khỏi cuộc điều tra.',
  survey_status_draft: 'đang soạn',
  survey_status_open: 'đang thu phiếu',
  survey_status_closed: 'đã đóng',
  survey_wrong_status:
    'Cuộc điều tra đang ở trạng thái «{status}»: không thực hiện được thao tác này.',
  survey_exists: 'Đợt đánh giá này đã có cuộc điều tra xã hội học.',
  survey_unit_kind_not_in_campaign: 'Đợt đánh giá không có bộ chỉ số cho loại đơn vị «{kind}».',
  survey_design_invalid: 'Bảng hỏi có {count} lỗi; chưa lưu gì.',
  survey_design_code_invalid:
    'Mã phải có 1–32 ký tự: chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới.',
  survey_design_code_duplicate: 'Mã «{code}» bị trùng.',
  survey_design_set_without_survey:
    'Bộ chỉ số của loại đơn vị này không có phần điểm điều tra xã hội học.',
  survey_design_scale_too_short: 'Thang đo cần ít nhất hai mức.',
  survey_design_level_value: 'Giá trị của mức phải từ 0 đến 100 %.',
  survey_design_unknown_level: 'Không có mức «{code}» trong thang đo.',
  survey_design_no_favourable: 'Cách tính theo tỷ lệ tích cực cần ít nhất một mức tích cực.',
  survey_design_node_max: 'Điểm tối đa của nút phải lớn hơn 0.',
  survey_design_nodes_sum:
    'Tổng điểm tối đa các nút ({sum}) phải bằng điểm điều tra xã hội học của bộ chỉ số ({max}).',
  survey_design_no_nodes: 'Bảng hỏi cần ít nhất một nút điều tra.',
  survey_design_group_weight: 'Trọng số của nhóm phải là số nguyên dương.',
  survey_design_no_groups: 'Bảng hỏi cần ít nhất một nhóm đối tượng.',
  survey_design_question_no_node: 'Câu hỏi phải đưa điểm vào ít nhất một nút.',
  survey_design_unknown_node: 'Không có nút «{code}».',
  survey_design_sipas_node_question: 'Nút «{code}» lấy chỉ số SIPAS nên không nhận câu hỏi.',
  survey_design_question_no_group: 'Câu hỏi phải hỏi ít nhất một nhóm đối tượng.',
  survey_design_unknown_group: 'Không có nhóm đối tượng «{code}».',
  survey_design_node_no_question: 'Nút «{code}» chưa có câu hỏi nào.',
  survey_design_sample_size: 'Cỡ mẫu phải là số nguyên từ 0 đến 100.000.',
  survey_questionnaire_missing: 'Chưa có bảng hỏi cho loại đơn vị: {kinds}.',
  survey_questionnaire_version:
    'Tệp được xuất từ phiên bản {file} của bảng hỏi nhưng bảng hỏi đã ở phiên bản {current}: hãy xuất lại rồi sửa.',
  survey_respondent_duplicate: 'Mã người trả lời «{code}» bị trùng trong danh sách.',
  survey_unknown_group: 'Không có nhóm đối tượng «{code}» trong bảng hỏi.',
  survey_unknown_unit: 'Không có đơn vị mã «{code}».',
  survey_rows_invalid: 'Có {count} lỗi; chưa có phiếu nào được lưu.',
  survey_unit_not_participant: 'Đơn vị mã «{code}» không tham gia đợt đánh giá.',
  survey_no_questionnaire: 'Chưa có bảng hỏi cho loại đơn vị của «{code}».',
  survey_unknown_respondent: 'Không có người trả lời mã «{code}».',
  survey_respondent_other_group: 'Người trả lời «{code}» thuộc nhóm «{group}».',
  survey_respondent_other_unit: 'Người trả lời «{code}» công tác ở đơn vị khác.',
  survey_rates_own_unit: 'Người trả lời không được đánh giá chính đơn vị mình («{unit}»).',
  survey_already_answered:
    'Người trả lời «{code}» đã đánh giá «{unit}»; mỗi người chỉ đánh giá một đơn vị một lần.',
  survey_unknown_question: 'Không có câu hỏi «{code}».',
  survey_question_not_asked: 'Câu hỏi «{code}» không dành cho nhóm «{group}».',
  survey_answer_off_scale: 'Câu trả lời «{value}» không có trong thang đo ({levels}).',
  survey_answer_missing: 'Chưa trả lời câu «{code}».',
  survey_no_answers: 'Phiếu không có câu trả lời nào.',
  survey_link_unknown: 'Đường dẫn khảo sát không đúng.',
  survey_link_used: 'Đường dẫn này đã được dùng để trả lời; mỗi đường dẫn chỉ dùng một lần.',
  survey_link_closed: 'Cuộc điều tra không còn nhận trả lời.',
  survey_field_unit_not_in_survey:
    'Đơn vị được đánh giá (mã số {id}) không thuộc cuộc điều tra này.',
  survey_field_client_id_taken:
    'Mã phiếu «{id}» đã được dùng cho một phiếu khác (đơn vị hoặc nhóm đối tượng khác).',
  survey_xlsx_number: '«{value}» không phải là số.',
  survey_xlsx_choice: '«{value}» không phải một trong: {choices}.',
  survey_provisional: 'tạm tính, cuộc điều tra chưa đóng',
  survey_sheet_units: 'Điểm theo đơn vị',
  survey_sheet_questions: 'Theo câu hỏi và nhóm',
  survey_col_unit_code: 'Mã đơn vị',
  survey_col_unit: 'Đơn vị',
  survey_col_node: 'Nút điều tra',
  survey_col_max: 'Điểm tối đa',
  survey_col_share: 'Tỷ lệ',
  survey_col_points: 'Điểm',
  survey_col_formula: 'Công thức',
  survey_col_total: 'Tổng điểm điều tra',
  survey_col_question: 'Câu hỏi',
  survey_col_group: 'Nhóm đối tượng',
  survey_col_weight: 'Trọng số',
  survey_col_answers: 'Số phiếu',
  survey_col_excluded: 'Không biết / không trả lời',
  survey_col_valid: 'Hợp lệ',
  survey_col_favourable: 'Tích cực',
  survey_col_weighted: 'Bình quân theo trọng số',
  survey_page_title: 'Phiếu đánh giá',
  survey_page_intro: 'Kính gửi {name}. Xin ông/bà cho ý kiến đánh giá về {unit}.',
  survey_page_send: 'Gửi phiếu',
  survey_page_thanks: 'Cảm ơn ông/bà đã trả lời. Phiếu đánh giá {unit} đã được ghi nhận.',
  survey_page_missing: 'Xin trả lời tất cả các câu hỏi.',
  survey_page_failed: 'Chưa gửi được phiếu. Xin thử lại.',
  survey_page_noscript: 'Trang này cần bật JavaScript để gửi phiếu.',
  sipas_problem: '{message}',
  sipas_received: 'Đã nhận phiếu khảo sát. Trân trọng cảm ơn Ông/Bà đã dành thời gian góp ý!',
  sipas_questionnaire_invalid: 'Mẫu phiếu có {count} lỗi; chưa được lưu.',
  sipas_questionnaire_taken:
    'Mẫu phiếu {code} phiên bản {version} đã có; hãy đặt số phiên bản mới.',
  sipas_questionnaire_in_use:
    'Mẫu phiếu {code} phiên bản {version} đang được dùng cho đợt khảo sát nên không thể sửa hay xóa; hãy tạo phiên bản mới.',
  sipas_questionnaire_file_type:
    'Tệp không phải bảng tính Excel (.xlsx) hay tệp JSON của mẫu phiếu; chưa có gì được lưu.',
  sipas_xlsx_no_overall:
    'chưa có câu hỏi đánh giá chung: cần một dòng có «Loại câu hỏi» là «đánh giá chung»',
  sipas_xlsx_two_overall: 'chỉ được có một câu hỏi đánh giá chung (đã có ở dòng {other})',
  sipas_xlsx_element_name: 'tên yếu tố khác với dòng {other} («{name}»)',
  sipas_xlsx_missing_info: 'thiếu dòng «{key}»',
  sipas_campaign_invalid: 'Thiết lập đợt khảo sát còn {count} lỗi cần sửa.',
  sipas_campaign_has_responses:
    'Đợt khảo sát đã có {count} phiếu trả lời nên không thể đổi mẫu phiếu, lĩnh vực hay đơn vị đã có phiếu.',
  sipas_campaign_closed:
    'Đợt khảo sát «{name}» hiện không nhận ý kiến. Trân trọng cảm ơn Ông/Bà đã quan tâm.',
  sipas_channel_disabled: 'Đợt khảo sát này không nhận phiếu qua hình thức «{channel}».',
  sipas_posters_too_many:
    'Yêu cầu {count} trang áp phích, quá giới hạn {max} trang một tệp; xin chọn một đơn vị hoặc một lĩnh vực.',
  pdf_font_missing:
    'Máy chủ chưa có phông chữ tiếng Việt để tạo tệp PDF. Quản trị viên cài gói fonts-croscore (hoặc fonts-liberation2, fonts-dejavu-core), hoặc đặt tệp poster.ttf vào thư mục fonts trong thư mục dữ liệu.',
  sipas_submission_invalid: 'Phiếu khảo sát còn {count} chỗ chưa hợp lệ; xin Ông/Bà kiểm tra lại.',
  sipas_dossier_answered:
    'Hồ sơ {code} đã được đánh giá. Mỗi hồ sơ chỉ gửi một phiếu khảo sát; trân trọng cảm ơn Ông/Bà!',
  sipas_link_used:
    'Đường dẫn khảo sát này đã được dùng để gửi ý kiến. Mỗi đường dẫn chỉ dùng một lần; trân trọng cảm ơn Ông/Bà!',
  sipas_paper_serial_taken: 'Phiếu giấy số {serial} của đơn vị này đã được nhập; không nhập trùng.',
  sipas_client_id_taken: 'Mã phiếu này đã được dùng cho một phiếu khác.',
  sipas_form_token_invalid:
    'Phiếu khảo sát đã hết hạn hoặc không hợp lệ. Xin Ông/Bà tải lại trang để mở phiếu mới.',
  sipas_form_too_fast:
    'Phiếu được gửi quá nhanh. Xin Ông/Bà đọc kỹ các câu hỏi rồi gửi lại sau ít giây.',
  sipas_unit_not_in_campaign: 'Đơn vị «{unit}» không tham gia đợt khảo sát này.',
  sipas_import_invalid: 'Tệp có {count} lỗi; chưa có phiếu nào được nhập.',
  sipas_import_mapping_invalid: 'Cách ghép cột chưa hợp lệ: {reason}',
  sipas_import_unreadable: 'Không đọc được tệp: chỉ nhận CSV (UTF-8) hoặc Excel (.xlsx).',
  sipas_batch_too_large: 'Mỗi lần gửi tối đa {max} phiếu.',
  // official documents
  document_no_results:
    'Đơn vị chưa có kết quả trong đợt đánh giá này nên chưa thể lập báo cáo. Hãy tính lại kết quả trước.',
  document_unknown_type: 'Loại văn bản «{type}» không có.',
  document_template_empty: 'Tệp mẫu văn bản rỗng.',
  document_template_not_docx: 'Tệp mẫu không phải tệp Word (.docx) hợp lệ.',
  document_template_broken:
    'Mẫu văn bản không dùng được: {problem} ({place}){more}. Hãy sửa trong Word rồi tải lên lại; mẫu cũ vẫn được giữ nguyên.',
  document_template_problem_unopened_tag: 'trường «{tag}» có dấu đóng «}» mà thiếu dấu mở «{»',
  document_template_problem_unclosed_tag: 'trường «{tag}» mở bằng «{» nhưng thiếu dấu đóng «}»',
  document_template_problem_duplicate_open_tag: 'trường «{tag}» có hai dấu mở «{» liền nhau',
  document_template_problem_duplicate_close_tag: 'trường «{tag}» có hai dấu đóng «}» liền nhau',
  document_template_problem_unopened_loop:
    'danh sách «{tag}» có dòng đóng «{/{tag}}» mà thiếu dòng mở «{#{tag}}»',
  document_template_problem_unclosed_loop:
    'danh sách «{tag}» mở bằng «{#{tag}}» nhưng thiếu dòng đóng «{/{tag}}»',
  document_template_problem_closing_tag_does_not_match_opening_tag:
    'dòng đóng của danh sách «{tag}» không khớp với dòng mở trước nó',
  document_template_problem_unbalanced_loop_tags:
    'các danh sách lồng nhau quanh «{tag}» mở và đóng không đúng thứ tự',
  document_template_problem_raw_xml_tag_should_be_only_text_in_paragraph:
    'trường «{tag}» phải đứng một mình trong đoạn văn',
  document_template_problem_loop_position_invalid:
    'danh sách «{tag}» mở và đóng ở hai chỗ không cùng cấp (ví dụ một đầu trong bảng, một đầu ngoài bảng)',
  document_template_problem_malformed_xml: 'tệp Word bị hỏng cấu trúc gần «{tag}»',
  document_template_problem_unreadable: 'không đọc được các trường của mẫu gần «{tag}»',
  document_template_place_body: 'trong phần thân văn bản',
  document_template_place_header: 'ở phần đầu trang',
  document_template_place_footer: 'ở phần chân trang',
  document_template_more: '; và {count} lỗi khác',
  document_template_unknown_placeholder:
    'Mẫu văn bản có trường không tồn tại: {names}. Xem danh sách trường được dùng trong trang Mẫu văn bản. Mẫu cũ vẫn được giữ nguyên.',
  document_job_failed:
    'Không lập được văn bản do lỗi phía máy chủ. Lỗi đã được ghi lại; hãy thử lại.',
  document_job_interrupted:
    'Việc lập văn bản bị gián đoạn vì máy chủ dừng giữa chừng. Có thể chạy lại.',
  document_not_ready: 'Văn bản chưa lập xong.',
  document_pdf_missing: 'Chưa có bản PDF của văn bản này.',
  // remediation plans and supervisions
  entity_remediation_plan: 'kế hoạch khắc phục',
  entity_remediation_task: 'nhiệm vụ của kế hoạch khắc phục',
  entity_supervision: 'cuộc giám sát',
  entity_supervision_finding: 'nội dung kết luận giám sát',
  remediation_default_title:
    'Kế hoạch triển khai thực hiện các giải pháp khắc phục những hạn chế, thiếu sót, cải thiện Chỉ số cải cách hành chính năm {year} (theo kết quả năm {previous})',
  remediation_no_results:
    'Đơn vị «{unit}» chưa có kết quả thẩm định trong đợt đánh giá đã chọn (kể cả các đơn vị cũ đã sáp nhập vào).',
  remediation_choose_source:
    'Có nhiều đơn vị cũ có kết quả trong đợt đánh giá này ({units}); hãy chọn lập kế hoạch từ kết quả của đơn vị nào.',
  remediation_source_not_related:
    'Đơn vị được chọn không phải «{unit}» hay đơn vị cũ đã sáp nhập vào «{unit}», hoặc không tham gia đợt đánh giá.',
  remediation_plan_exists: '«{unit}» đã có kế hoạch khắc phục năm {year}.',
  remediation_source_dossiers: 'Hồ sơ TTHC quý {quarter}/{year}',
  remediation_not_an_official:
    'Người phụ trách phải là cán bộ, công chức có tài khoản của «{unit}».',
  remediation_target_missing: 'Chỉ tiêu đo tự động cần có tỷ lệ phải đạt (%).',
  remediation_item_not_in_plan: 'Tiêu chí được chọn không thuộc kế hoạch này.',
  remediation_finding_other_unit:
    'Nội dung kết luận giám sát không thuộc một cuộc giám sát «{unit}».',
  remediation_not_your_task: 'Bạn chỉ được cập nhật các nhiệm vụ mình được giao phụ trách.',
  remediation_evidence_other_unit:
    'Tài liệu kiểm chứng phải nằm trong thư viện tài liệu của «{unit}».',
  remediation_done_needs_evidence:
    'Hãy đính kèm ít nhất một tài liệu kiểm chứng kết quả trước khi đánh dấu hoàn thành.',
  remediation_unknown_codes: 'Các mục {codes} không có trong kế hoạch.',
  remediation_period_order: 'Ngày kết thúc thời kỳ giám sát phải sau hoặc bằng ngày bắt đầu.',
  remediation_appraised_over_max: 'Điểm thẩm định không được lớn hơn điểm tối đa.',
  remediation_self_over_max: 'Điểm tự chấm không được lớn hơn điểm tối đa.',
  notify_task_overdue_title: 'Nhiệm vụ quá hạn: {task}',
  notify_task_overdue_body:
    'Nhiệm vụ «{task}» của «{plan}» đã quá thời hạn {date} mà chưa hoàn thành. Hãy cập nhật tiến độ, đính kèm tài liệu kiểm chứng hoặc đề nghị điều chỉnh thời hạn.',
  // notifications (the bell and e-mails)
  entity_notification: 'thông báo',
  entity_outbox_mail: 'thư trong hộp thư đi',
  notify_deadline_selfAssessment: 'Hạn tự đánh giá, chấm điểm',
  notify_deadline_round1: 'Hạn thẩm định vòng 1',
  notify_deadline_explanations: 'Hạn giải trình',
  notify_deadline_round2: 'Hạn thẩm định vòng 2',
  notify_deadline_publication: 'Hạn công bố kết quả',
  notify_deadline_title: 'Còn {days} ngày đến {deadline}',
  notify_deadline_today_title: 'Hôm nay là {deadline}',
  notify_deadline_body: 'Đợt đánh giá «{campaign}»: {deadline} là {date}. {task}',
  notify_task_selfAssessment: '{unit} cần hoàn thành và nộp bản tự chấm trước hạn.',
  notify_task_round1: 'Các tiêu chí được phân công cần được chấm thẩm định vòng 1 trước hạn.',
  notify_task_explanations: '{unit} cần giải trình các kết luận thẩm định vòng 1 trước hạn.',
  notify_task_round2: 'Các kết luận vòng 1 cần được xem xét ở vòng 2 trước hạn.',
  notify_task_publication: 'Kết quả cần được Hội đồng phê duyệt và công bố trước hạn.',
  notify_round1_closed_title: 'Đã chốt thẩm định vòng 1: {unit}',
  notify_round1_closed_body:
    'Đợt đánh giá «{campaign}»: Hội đồng thẩm định đã chốt vòng 1 của {unit}. Xem điểm thẩm định và lý do mất điểm từng tiêu chí.',
  notify_explanation_requested_title: '{unit} cần giải trình {count} tiêu chí',
  notify_explanation_requested_body:
    'Đợt đánh giá «{campaign}»: tổ thẩm định yêu cầu {unit} giải trình {count} kết luận vòng 1. Hạn giải trình: {date}.',
  notify_round2_closed_title: 'Đã phê duyệt kết quả: {unit}',
  notify_round2_closed_body:
    'Đợt đánh giá «{campaign}»: Hội đồng đã kết thúc thẩm định vòng 2 và phê duyệt kết quả của {unit}.',
  notify_reminder_title: 'Nhắc việc: {unit}',
  notify_reminder_body: 'Đợt đánh giá «{campaign}»: {by} nhắc việc. {task} Hạn: {date}.',
  notify_email_greeting: 'Kính gửi {name},',
  notify_email_link: 'Xem chi tiết: {link}',
  // backup and restore (the console)
  restore_no_file: 'Không tìm thấy tệp sao lưu «{file}».',
  restore_not_backup: 'Tệp sao lưu bị hỏng hoặc không phải bản sao lưu parindex.',
  restore_unknown_version:
    'Bản sao lưu có định dạng phiên bản {version}, phiên bản parindex này không đọc được. Hãy cập nhật parindex.',
  restore_newer_schema:
    'Bản sao lưu (tạo lúc {created}) được tạo bởi phiên bản parindex mới hơn (migration {migrations}). Hãy cập nhật parindex rồi khôi phục lại; chưa có gì được ghi.',
  restore_not_empty:
    'Cơ sở dữ liệu đích không trống (bảng «{table}» có {rows} dòng). Hãy khôi phục vào một cơ sở dữ liệu mới; chưa có gì được ghi.',
  restore_files_not_empty:
    'Thư mục tệp đã lưu «{dir}» không trống. Hãy khôi phục vào một thư mục dữ liệu mới; chưa có gì được ghi.',
  restore_truncated: 'Bản sao lưu bị cắt cụt (thiếu phần kết thúc); chưa có gì được khôi phục.',
  restore_unknown_table:
    'Bảng «{table}» trong bản sao lưu không có trong phiên bản này; chưa có gì được khôi phục.',
  restore_unknown_column:
    'Bảng «{table}» trong bản sao lưu có cột «{column}» mà phiên bản này không có; chưa có gì được khôi phục.',
  restore_table_count:
    'Bảng «{table}» trong bản sao lưu có {rows} dòng thay vì {expected}; chưa có gì được khôi phục.',
  restore_rows_refused:
    'Cơ sở dữ liệu từ chối dữ liệu của bảng «{table}» ({reason}); chưa có gì được khôi phục.',
  restore_bad_path:
    'Đường dẫn tệp không hợp lệ trong bản sao lưu: «{file}»; chưa có gì được khôi phục.',
  restore_file_damaged:
    'Tệp «{file}» trong bản sao lưu bị hỏng (kích thước hoặc mã băm SHA-256 không khớp); chưa có gì được khôi phục.',
  restore_incomplete:
    'Bản sao lưu không đầy đủ: {rows}/{expected} dòng, {files}/{expectedFiles} tệp; chưa có gì được khôi phục.',
  // audit log verification and its anchor outside the database
  audit_chain_intact: 'Nhật ký toàn vẹn: {count} bản ghi, chuỗi băm khớp.',
  audit_chain_altered:
    'Bản ghi #{id} đã bị sửa (nội dung không khớp mã băm). {count} bản ghi trước đó còn nguyên vẹn.',
  audit_chain_removed_before:
    'Có bản ghi bị xóa ngay trước bản ghi #{id} (sau bản ghi #{previous}).',
  audit_chain_removed_first: 'Có bản ghi bị xóa ngay trước bản ghi #{id} (ở đầu nhật ký).',
  audit_chain_removed_at_end:
    'Các bản ghi cuối nhật ký đã bị xóa: bản ghi cuối phải là #{expected}, nhưng chỉ còn đến #{last}.',
  audit_anchor_none:
    'Chưa cấu hình neo ngoài cơ sở dữ liệu (PARINDEX_AUDIT_KEY): chỉ kiểm tra được chuỗi băm bên trong cơ sở dữ liệu; người có quyền sửa cơ sở dữ liệu có thể viết lại hoặc xóa toàn bộ nhật ký mà không bị phát hiện.',
  audit_anchor_no_checkpoints:
    'Chưa có mốc neo nào trong {where}: chưa thể đối chiếu nhật ký với bên ngoài cơ sở dữ liệu.',
  audit_anchor_ok:
    'Khớp với {count} mốc neo đã ký trong {where}; mốc mới nhất «{name}» ({at}) đến bản ghi #{id}.',
  audit_anchor_unanchored: '{count} bản ghi sau mốc mới nhất chưa được neo.',
  audit_anchor_wrong_key:
    'Mốc neo «{name}» được ký bằng một khóa khác với PARINDEX_AUDIT_KEY hiện tại (mã khóa {found}, khóa hiện tại {expected}): hãy dùng đúng khóa đã ký các mốc.',
  audit_anchor_forged: 'Mốc neo «{name}» có chữ ký không hợp lệ: tệp mốc đã bị sửa hoặc giả mạo.',
  audit_anchor_unreadable: 'Không đọc được mốc neo «{name}»: tệp không đúng định dạng.',
  audit_anchor_rewritten:
    'Nhật ký đã bị viết lại: mốc neo «{name}» ({at}) ghi nhận bản ghi #{id} với mã băm {expected}, nhưng trong cơ sở dữ liệu bản ghi #{id} có mã băm {found}.',
  audit_anchor_truncated:
    'Nhật ký đã bị cắt bớt hoặc xóa: mốc neo «{name}» ({at}) ghi nhận nhật ký đến bản ghi #{id}, nhưng cơ sở dữ liệu chỉ còn {count} bản ghi (đến #{last}).',
  campaign_survey_no_sipas_answers:
    'Đợt khảo sát SIPAS đã chọn chưa có câu trả lời nào của các đơn vị tham gia (hoặc bộ chỉ số không có phần điểm điều tra); chưa có điểm nào được ghi.',
  notify_email_footer:
    'Thư được gửi tự động từ hệ thống Chỉ số cải cách hành chính; vui lòng không trả lời thư này.',
  // sociological survey: respondents from accounts and files, links by e-mail (ADR 45)
  survey_unknown_unit_kind: 'Không có loại đơn vị «{kind}».',
  survey_campaign_without_province:
    'Đợt đánh giá chưa có cơ quan chủ trì thuộc một tỉnh, nên không chọn được đơn vị theo loại trong tỉnh.',
  survey_respondent_code_missing: 'Thiếu mã người trả lời.',
  survey_respondent_code_long: 'Mã người trả lời dài quá {max} ký tự.',
  survey_respondent_duplicate_row: 'Mã người trả lời «{code}» đã có ở dòng {row}.',
  survey_respondent_name_missing: 'Thiếu họ và tên.',
  survey_respondent_name_long: 'Họ và tên dài quá {max} ký tự.',
  survey_respondent_group_missing: 'Thiếu nhóm đối tượng.',
  survey_respondent_email_invalid: '«{value}» không phải là địa chỉ thư điện tử.',
  survey_mail_subject: 'Mời trả lời phiếu điều tra xã hội học về {unit}',
  survey_mail_reminder_subject: 'Nhắc trả lời phiếu điều tra xã hội học về {unit}',
  survey_mail_body:
    'Trong khuôn khổ «{campaign}», xin mời Ông/Bà cho ý kiến đánh giá về {unit} qua phiếu điều tra xã hội học tại đường dẫn cá nhân dưới đây:',
  survey_mail_reminder_body:
    'Ông/Bà chưa trả lời phiếu điều tra xã hội học về {unit} trong khuôn khổ «{campaign}». Đường dẫn gửi trước đây không còn dùng được; xin mời Ông/Bà trả lời tại đường dẫn mới dưới đây:',
  survey_mail_deadline: 'Hạn trả lời: {date}.',
  survey_mail_single_use:
    'Đường dẫn dành riêng cho Ông/Bà và chỉ dùng được một lần; xin không chuyển cho người khác.',
  // names of roles, for the command line
  role_system_admin: 'Quản trị hệ thống',
  role_standing_agency: 'Cơ quan thường trực (Nội vụ)',
  role_unit_officer: 'Công chức phụ trách CCHC',
  role_unit_head: 'Thủ trưởng đơn vị',
  role_appraiser: 'Thành viên tổ thẩm định',
  role_council_chair: 'Chủ tịch Hội đồng thẩm định',
  role_council_member: 'Đại biểu HĐND',
  role_enumerator: 'Điều tra viên',
};

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  validation_failed: 'The data sent is not valid.',
  not_authenticated: 'Please sign in to continue.',
  forbidden: 'You are not allowed to do this.',
  forbidden_unit: 'You are not allowed to do this on the unit “{unit}”.',
  not_found: 'Not found: {what}.',
  route_not_found: 'There is no {method} {url}.',
  conflict: 'Someone else changed this data. Reload the page and try again.',
  csrf_invalid:
    'Your session expired or the request is not valid (anti-forgery token). Reload the page.',
  rate_limited: 'Too many attempts. Try again in {seconds} seconds.',
  invalid_credentials: 'Wrong username or password.',
  login_throttled: 'Too many failed sign-ins. Try again in {seconds} seconds.',
  account_disabled: 'This account is disabled. Contact an administrator.',
  unit_code_taken:
    'The unit code “{code}” is already used by “{name}” in the same validity period.',
  unit_cycle: '“{unit}” cannot be placed inside itself or one of its own sub-units.',
  unit_unknown_kind: 'The unit kind “{kind}” does not exist.',
  unit_validity: 'The end of validity must be on or after its start.',
  lineage_exists: 'This merge link already exists.',
  username_taken: 'The username “{username}” is already taken.',
  password_too_weak: 'The password must have at least 10 characters.',
  wrong_current_password: 'The current password is wrong.',
  cannot_disable_self: 'You cannot disable your own account.',
  import_invalid: 'The import file has {count} rows with errors; nothing was imported.',
  import_empty: 'The import file has no data rows.',
  import_not_text: 'The import file is not a UTF-8 text CSV file.',
  import_missing_columns: 'The import file lacks the columns: {columns}.',
  payload_too_large: 'The file or data sent is too large (at most {limit}).',
  unsupported_media_type: 'This content type is not supported.',
  bad_request: 'Bad request: {detail}',
  invalid_json: 'The data sent is not valid JSON.',
  internal_error: 'Something went wrong on the server. It has been logged; please try again later.',
  storage_unavailable: 'The file storage cannot be reached at the moment; please try again later.',
  field_required: 'The field “{field}” is required.',
  field_type: 'The field “{field}” must be {expected}.',
  field_too_short: 'The field “{field}” must have at least {min} characters.',
  field_too_long: 'The field “{field}” must have at most {max} characters.',
  field_too_small: 'The field “{field}” must be at least {min}.',
  field_too_big: 'The field “{field}” must be at most {max}.',
  field_format: 'The field “{field}” has the wrong format.',
  field_enum: 'The field “{field}” must be one of: {options}.',
  field_unknown: 'The field “{field}” is not accepted.',
  field_invalid: 'The field “{field}” is not valid.',
  field_nul: 'The field “{field}” contains a NUL character (code 0), which is not accepted.',
  field_unicode: 'The field “{field}” contains invalid Unicode (a lone UTF-16 surrogate).',
  field_nesting: 'The field “{field}” is nested too deeply (at most {max} levels).',
  field_upload_malformed: 'Field “{field}”: the uploaded data is malformed or cut short.',
  upload_malformed: 'The uploaded (multipart) data cannot be read; please send the file again.',
  value_refused: 'A value sent is not valid or is beyond the allowed range.',
  entity_criteria_set: 'the criteria set',
  criteria_frozen:
    'The criteria set “{name}” is frozen (used by a campaign); copy it for a new year to change it.',
  entity_criteria_node: 'the criterion',
  criteria_has_problems:
    'The criteria set still has {count} problems to fix before it can be frozen.',
  criteria_tree_invalid: 'The criteria tree is not valid.',
  criteria_rule_invalid: 'Criterion {code}: the scoring rule is not valid: {reason}',
  criteria_bands_invalid: 'The classification bands are not valid: {reason}',
  criteria_mapping_unknown_code: 'The criterion code “{code}” is not in {which}.',
  xlsx_not_xlsx: 'The file is not an Excel workbook (.xlsx).',
  xlsx_corrupt: 'The Excel file is damaged and cannot be read.',
  xlsx_bomb: 'The Excel file expands to more than {limit}; it may be malicious.',
  file_corrupt: 'The file is damaged and cannot be read (part {part}).',
  file_too_many_entries:
    'The file holds too many parts ({count}, at most {limit}); it may be malicious.',
  file_part_too_large:
    'The file is too large once unpacked: part {part} exceeds {limit}; it may be malicious.',
  file_inflated_too_large:
    'The file is too large once unpacked: its parts together exceed {limit}; it may be malicious.',
  file_ratio_too_high:
    'The file is packed abnormally: part {part} unpacks to {ratio} times its size (at most {limit}); it may be malicious.',
  file_xml_doctype:
    'The file is refused: part {part} has a DOCTYPE or ENTITY declaration, which real Office files never have.',
  file_too_many_cells: 'The workbook has too many cells: by part {part} it exceeds {limit} cells.',
  file_too_heavy:
    'Reading the file needed more memory than allowed ({limit}) and was stopped; split the file.',
  file_too_slow: 'Reading the file took over {seconds} seconds and was stopped; split the file.',
  file_unreadable: 'The file cannot be read; it may be damaged.',
  file_queue_full: 'The server is reading many files at once; try again in {seconds} seconds.',
  xlsx_missing_sheet: 'The sheet “{sheet}” is missing from the workbook.',
  xlsx_empty_sheet: 'The sheet “{sheet}” has no data.',
  xlsx_too_many_rows: 'The sheet “{sheet}” has {count} rows, more than the limit of {limit}.',
  xlsx_missing_columns:
    'The sheet “{sheet}” lacks the columns: {columns}. The header row must have them.',
  xlsx_invalid: 'The Excel file has {count} problems; nothing was saved.',
  cell_merged: 'merged cells {range} are not supported; unmerge them',
  cell_not_number: '“{value}” is not a number',
  cell_too_many_decimals: '“{value}” has more than two decimals',
  cell_negative: 'must not be negative',
  cell_required: 'value missing',
  cell_bad_code: 'the code “{value}” is not valid (like 1, 2.3, 2.3.1)',
  cell_duplicate_code: 'the code “{value}” repeats row {other}',
  cell_orphan: 'no parent criterion “{parent}” in the rows above',
  cell_bad_rule: '{reason}',
  cell_bad_value: 'the value “{value}” is not valid; use: {options}',
  cell_bad_date: 'the date “{value}” is not valid (like 15/01/2026)',
  entity_unit: 'the unit',
  entity_lineage: 'the merge link',
  entity_user: 'the user',
  entity_session: 'the session',
  entity_grant: 'the role grant',
  entity_evidence: 'the evidence document',
  entity_evidence_version: 'the document version',
  entity_evidence_recheck: 'the evidence re-check',
  evidence_empty: 'The file “{filename}” is empty (0 bytes); choose the file again.',
  evidence_type_refused:
    'The file “{filename}” is not a PDF, Word (.docx), Excel (.xlsx), JPG or PNG file (judged by its content, not its name); it was not stored.',
  evidence_file_missing: 'The attached file is missing (field “file”).',
  evidence_too_many_files: 'Upload one file at a time.',
  evidence_upload_interrupted: 'The upload was interrupted; the file was not stored. Try again.',
  evidence_duplicate:
    'This file is already in the unit’s evidence library: “{summary}” (version {versionNo}); no duplicate was stored.',
  evidence_in_use:
    'The document “{summary}” is cited as evidence in {count} places and cannot be deleted: {places}.',
  evidence_file_unavailable:
    'The file of the document “{summary}” cannot be read from storage. Tell an administrator.',
  evidence_check_encrypted:
    'The PDF is password-protected (encrypted); its content cannot be read.',
  evidence_check_corrupt: 'The file is damaged or incomplete; its content cannot be read.',
  evidence_check_too_large: 'The file is too large to be checked.',
  evidence_check_timeout: 'Reading the file took too long and was stopped; check it by eye.',
  evidence_check_scan: 'A scan (image), not read: text recognition (OCR) is not available.',
  evidence_check_scan_no_text:
    'A scan (image) went through text recognition (OCR) but no text was found; scan it again more clearly.',
  evidence_check_format_not_checked:
    'Only PDF, Word (.docx), OpenDocument (.odt) files and scans are checked; this format was not read.',
  evidence_check_file_unavailable: 'The stored file could not be opened to be checked.',
  evidence_check_not_finished:
    'The current version of the document has not been read yet, so its reading cannot be confirmed; try again in a few minutes.',
  evidence_finding_not_read:
    'The file’s content could not be read (a scan or not a text document); the appraiser will have to read it.',
  evidence_finding_not_signed:
    'The document has no digital signature; this sub-criterion asks for a signed document.',
  evidence_finding_no_evidence:
    'Points are claimed but no evidence is attached; the appraiser has nothing to accept them on.',
  evidence_finding_signature_invalid:
    'The digital signature of {signer} is invalid: the signed content no longer matches it.',
  evidence_finding_changed_after_signing:
    'The file was changed after {signer} signed it; the appraiser will see that the signature no longer guarantees its integrity.',
  evidence_finding_signer_not_trusted:
    'The certificate of {signer} does not chain to a trusted certification authority; the appraiser may not accept the signature.',
  evidence_finding_trust_not_checked:
    'Whether the certificate of {signer} chains to a trusted certification authority could not be checked: no root certificates (such as the national root) are configured on the server.',
  evidence_finding_signing_date_differs:
    'The signing date ({signedOn}) differs from the issue date printed on the document ({issuedOn}).',
  evidence_finding_issued_after_deadline:
    'The document was issued on {issuedOn}, after the deadline of {deadline}.',
  evidence_finding_other_year:
    'The document was issued in {year}, not in the assessed year {expected}.',
  evidence_finding_other_type:
    'The document is a {found} (Vietnamese type), while the sub-criterion asks for a {expected}.',
  evidence_finding_number_blank:
    'The document number is blank (Số: /{symbol}); it was not registered when issued.',
  evidence_finding_date_blank:
    'The issue date is left blank on the document; when it was issued cannot be told.',
  evidence_finding_same_file_unrelated_node:
    'The same file is also attached as evidence to {others}, unrelated to {node}; the appraiser will see evidence that does not match the criterion and may not accept the points.',
  type_string: 'text',
  type_number: 'a number',
  type_integer: 'a whole number',
  type_boolean: 'true or false',
  type_object: 'an object',
  type_array: 'a list',
  row_error: 'Row {row}, column “{column}”: {message}',
  row_missing_value: 'value missing',
  row_bad_date: 'the date “{value}” is not valid (use dd/mm/yyyy or yyyy-mm-dd)',
  row_bad_code:
    'the code “{value}” may only contain letters, digits, dot, hyphen, underscore (at most 32)',
  row_unknown_kind: 'the unit kind “{value}” does not exist',
  row_unknown_parent: 'no parent unit with the code “{value}”',
  row_duplicate_code: 'the code “{value}” repeats row {other}',
  row_code_taken: 'the code “{value}” already exists (“{name}”)',
  row_column_count: 'the number of columns ({count}) differs from the header ({expected})',
  row_validity: 'the end of validity is before its start',
  entity_campaign: 'the campaign',
  entity_campaign_unit: 'the unit in this campaign',
  campaign_problem: '{message}',
  campaign_invalid: 'The campaign set-up has {count} problems to fix.',
  campaign_entry_invalid: 'Criterion {code}: the entry is not valid.',
  campaign_evidence_not_in_library: 'Document {id} is not in the evidence library of {unit}.',
  campaign_entry_conflict:
    'Criterion {code} was just saved by {by} at {at}; your changes were not saved. Reload to see the new version, then edit again.',
  campaign_not_setup: 'The campaign “{name}” is open; its criteria sets can no longer change.',
  campaign_appraising_unit_locked:
    'The campaign “{name}” is open; its appraising agency can no longer change.',
  campaign_appraising_unit_outside:
    '“{unit}” is outside the scope of the agency running the campaign, so it cannot appraise it.',
  campaign_closed: 'The campaign “{name}” is closed; nothing can change.',
  campaign_bulk_reason: 'reason for reopening',
  campaign_bulk_not_participant: 'The unit with id {id} does not take part in this campaign.',
  campaign_remind_forbidden:
    'Only the standing agency, the council chair or an administrator over {unit} may send a reminder.',
  campaign_remind_not_open: 'The campaign “{name}” is not open; there is nothing to remind of.',
  campaign_remind_nothing_due: 'Nothing waits on {unit} (the assessment is {status}).',
  campaign_remind_no_one: '{unit} has no officer or head account to receive the reminder.',
  campaign_publish_needs_survey:
    'The result of {unit} is provisional (no survey points yet): enter the survey points, or publish without them giving a reason.',
  campaign_unappraised:
    'Cannot {action} for {unit}: {count} sub-criteria have no appraiser and their self score has not been accepted by the council chair: {list}. Assign appraisers to them, or accept their self score giving a reason.',
  campaign_unappraised_item: 'Criterion {code} “{title}” has no appraiser.',
  campaign_coverage_closeRound1: 'close round 1',
  campaign_coverage_approve: 'approve the result',
  campaign_code_not_unappraised:
    'The code “{code}” is not a sub-criterion without an appraiser in the units you chair.',
  campaign_set_has_problems:
    'The criteria set “{name}” has {count} problems; fix them before using it in a campaign.',
  campaign_unit_kind_missing: 'The campaign has no criteria set for the kind of “{unit}” ({kind}).',
  campaign_not_published: 'The results of this campaign have not been published.',
  results_cursor_invalid:
    'The page cursor (cursor) is not valid: use the nextCursor of the previous page.',
  campaign_import_invalid: 'The score file has {count} problems; no score was imported.',
  campaign_survey_above_max: 'Survey points {points} are above the maximum {max}.',
  campaign_survey_not_configured: 'The criteria set of this unit kind has no survey part.',
  workflow_campaign_not_open: '{message}',
  workflow_forbidden: '{message}',
  workflow_invalid_state: '{message}',
  workflow_locked: '{message}',
  workflow_too_early: '{message}',
  workflow_deadline_passed: '{message}',
  workflow_not_assigned: '{message}',
  workflow_no_finding: '{message}',
  workflow_reason_required: '{message}',
  workflow_incomplete: '{message}',
  // why a workflow transition is refused; names of actions, statuses and deadlines in them
  workflow_refusal_campaign_not_open: 'The campaign is not open yet',
  workflow_refusal_campaign_closed: 'The campaign has ended; nothing can be changed',
  workflow_refusal_forbidden: 'Your account may not {event} in this unit',
  workflow_refusal_locked: 'Cannot {event}: the assessment is {status}',
  workflow_refusal_locked_withdraw_first:
    'Cannot {event}: the assessment is {status}; withdraw it to edit',
  workflow_refusal_invalid_state: 'Cannot {event} yet: the assessment is {status}',
  workflow_refusal_self_deadline_passed:
    'The self-assessment deadline has passed; only the standing agency can reopen it for the unit',
  workflow_refusal_incomplete_submission:
    'The self-assessment still has {count} unfinished item(s); it cannot be submitted yet',
  workflow_refusal_reason_required: 'A reason for reopening is required',
  workflow_refusal_reopen_until_passed: 'The new deadline for the unit has already passed',
  workflow_refusal_appraisal_too_early:
    'The self-assessment deadline has not passed; the unit may still withdraw to edit, so appraisal cannot start yet',
  workflow_refusal_not_assigned: 'Your account is not assigned to appraise criterion {nodeCode}',
  workflow_refusal_no_finding_round2:
    'Criterion {nodeCode} has no round-1 finding to review; round 2 only reviews round-1 findings',
  workflow_refusal_deadline_passed: 'The {deadline} has passed',
  workflow_refusal_no_finding_explain: 'Criterion {nodeCode} has no round-1 finding to explain',
  workflow_refusal_explanations_deadline_passed: 'The explanations deadline has passed',
  workflow_refusal_explanations_locked_by_staff:
    'The explanations deadline has passed; the standing agency or the council chair locks the explanations',
  workflow_refusal_explanations_too_early:
    'The explanations deadline has not passed; the unit is still explaining',
  workflow_refusal_undecided_findings: '{count} round-1 finding(s) still have no round-2 decision',
  workflow_event_saveDraft: 'save the self-assessment',
  workflow_event_submit: 'submit the self-assessment',
  workflow_event_withdraw: 'withdraw the self-assessment',
  workflow_event_reopen: 'reopen the self-assessment for the unit',
  workflow_event_scoreRound1: 'score the round-1 appraisal',
  workflow_event_closeRound1: 'close the round-1 appraisal',
  workflow_event_explain: 'explain',
  workflow_event_lockExplanations: 'lock the explanations',
  workflow_event_decideRound2: 'decide in the round-2 appraisal',
  workflow_event_approve: 'approve the result as the council',
  workflow_event_reopenResult: 'reopen the approved result',
  workflow_event_publish: 'publish the result',
  workflow_status_not_started: 'not started',
  workflow_status_draft: 'being self-assessed',
  workflow_status_submitted: 'submitted',
  workflow_status_reopened: 'reopened for self-assessment',
  workflow_status_round1_in_progress: 'in round-1 appraisal',
  workflow_status_round1_closed: 'closed after round-1 appraisal',
  workflow_status_explaining: 'being explained',
  workflow_status_explanations_locked: 'with its explanations locked',
  workflow_status_round2_in_progress: 'in round-2 appraisal',
  workflow_status_approved: 'approved by the council',
  workflow_status_published: 'published',
  workflow_deadline_selfAssessment: 'self-assessment deadline',
  workflow_deadline_round1: 'round-1 appraisal deadline',
  workflow_deadline_explanations: 'explanations deadline',
  workflow_deadline_round2: 'round-2 appraisal deadline',
  workflow_deadline_publication: 'publication deadline',
  entity_dossier: 'the dossier',
  entity_dossier_import_job: 'the dossier import',
  dossier_import_empty:
    'The dossier file is empty: no header row or no data rows; nothing was imported.',
  dossier_import_wrong_type: 'The file is neither CSV nor Excel (.xlsx); nothing was imported.',
  dossier_import_not_utf8:
    'The CSV file is not UTF-8 (perhaps TCVN3 or Windows-1258). Save it as “CSV UTF-8” and import again; nothing was imported.',
  dossier_import_bad_csv:
    'The CSV file is malformed near row {row} ({detail}); nothing was imported.',
  dossier_import_invalid:
    'The file has {count} rows with problems; nothing was imported. Fix the rows listed and import again.',
  dossier_import_failed: 'The dossier import failed ({detail}); the previous data is unchanged.',
  dossier_import_cancelled: 'The import was cancelled; none of the file’s dossiers were written.',
  dossier_import_already_retried: 'This import was already run again as import {id}.',
  dossier_import_interrupted:
    'The import was interrupted because the server stopped part-way; none of the file’s dossiers were written. The import can be run again.',
  dossier_import_file_gone:
    'The file of this import is no longer on the server (it was run again, or the import ran from the command line); upload the file again.',
  job_not_interrupted: 'Only an interrupted job can be run again.',
  job_status_queued: 'Queued',
  job_status_running: 'Running',
  job_status_succeeded: 'Done',
  job_status_failed: 'Failed',
  job_status_cancelled: 'Cancelled',
  job_status_interrupted: 'Interrupted',
  job_kind_evidence_check: 'Evidence check',
  job_kind_document_draft: 'Document draft',
  job_kind_dossier_import: 'Dossier import',
  job_kind_audit_checkpoint: 'Audit log checkpoint',
  job_kind_jobs_recover: 'Marking the interrupted work of stopped processes',
  dossier_layout_changed:
    'The file’s columns do not match the mapping saved for the source “{source}” (missing: {columns}). Preview and map the columns again; nothing was imported.',
  dossier_mapping_unknown_headers: 'The mapping names columns the file does not have: {columns}.',
  dossier_mapping_incomplete: 'Required columns are not mapped: {columns}.',
  dossier_row_unknown_unit: 'no unit has the code “{code}”',
  dossier_row_out_of_scope: 'you may not import dossiers of the unit “{unit}”',
  dossier_row_duplicate: 'the dossier code “{code}” appears on several rows ({rows})',
  dossier_cell_missing_code: 'The dossier code is missing',
  dossier_cell_missing_procedureCode: 'The procedure code is missing',
  dossier_cell_missing_unitCode: 'The receiving unit’s code is missing',
  dossier_cell_missing_receivedAt: 'The date received is missing',
  dossier_cell_missing_channel: 'The submission channel is missing',
  dossier_cell_bad_timestamp:
    'Cannot read the time “{value}”: use dd/mm/yyyy [HH:mm[:ss]], ISO 8601 or an Excel day number; the date must exist and be between {minYear} and {maxYear}',
  dossier_cell_bad_serial:
    'The number “{value}” is not a valid Excel date (years {minYear} to {maxYear})',
  dossier_cell_finished_before_received:
    'The date of the result ({finished}) is before the date received ({received})',
  dossier_cell_returned_before_received:
    'The date the result was returned ({returned}) is before the date received ({received})',
  dossier_cell_negative_completionRequests:
    'The number of requests to complete the dossier cannot be negative (“{value}”)',
  dossier_cell_negative_agenciesInvolved:
    'The number of agencies involved cannot be negative (“{value}”)',
  dossier_cell_not_count_completionRequests:
    'The number of requests to complete the dossier must be a whole number, not negative, not “{value}”',
  dossier_cell_not_count_agenciesInvolved:
    'The number of agencies involved must be a whole number, not negative, not “{value}”',
  dossier_cell_count_too_large_completionRequests:
    'The number of requests to complete the dossier “{value}” is too large (at most {max})',
  dossier_cell_count_too_large_agenciesInvolved:
    'The number of agencies involved “{value}” is too large (at most {max})',
  dossier_cell_unknown_channel:
    'Unknown submission channel “{value}”; use: in person (trực tiếp), fully online (trực tuyến toàn trình), partly online (trực tuyến một phần), public postal service (bưu chính công ích)',
  dossier_cell_unknown_channel_online:
    'Unknown submission channel “{value}” – say whether it is fully or partly online; use: in person (trực tiếp), fully online (trực tuyến toàn trình), partly online (trực tuyến một phần), public postal service (bưu chính công ích)',
  dossier_cell_not_yes_no: '“{value}” is not a yes/no value (for example: Có, Không, x, 1, 0)',
  dossier_cell_rating_decimals: 'The points “{value}” may have at most two decimals',
  dossier_cell_rating_unreadable:
    '“{value}” is not a valid number of points (not negative, at most two decimals, e.g. 1,5 or 11,25)',
  dossier_cell_rating_out_of_scale: 'The points {value} are outside the scale {min}–{max}',
  dossier_already_rated: 'The dossier “{code}” has already been rated; each dossier is rated once.',
  dossier_rating_not_matched:
    'The dossier code or the rating code is wrong. Type both codes as printed on the dossier receipt.',
  dossier_rating_invalid: 'The rating of indicator {indicator} must be between {min} and {max}.',
  dossier_rating_empty: 'The rating form has no indicator rated.',
  dossier_unknown_bands: 'There is no class band preset “{id}”.',
  dossier_bad_period: 'The quarter “{period}” is not valid (use 2024-Q1).',
  dossier_late_cursor_invalid:
    'The parameter “{field}” (next page of the late dossiers) is not valid; open the first page of the list again.',
  dossier_unit_outside_area: 'The unit “{unit}” is not part of “{area}”.',
  dossier_method_title: 'Method under Circular 01/2018/TT-VPCP',
  dossier_method_source_default: 'as the Circular words it, no setting of its own',
  dossier_method_source_unit: 'set by {unit}',
  dossier_method_divisor_evaluated:
    'Each indicator is divided by all evaluated dossiers (a dossier not scored on it counts 0)',
  dossier_method_divisor_scored: 'Each indicator is divided by the dossiers scored on it',
  'dossier_method_fewIndicators_full-max':
    'Units scored on fewer than 9 indicators: classed on their total over the maximum of all 9',
  'dossier_method_fewIndicators_scored-max':
    'Units scored on fewer than 9 indicators: classed on their total over the maximum of those scored',
  'dossier_method_fewIndicators_not-classed':
    'Units scored on fewer than 9 indicators: not classed',
  'dossier_method_dueWithoutTime_end-of-day':
    'Due date without a time: on time until the end of the due day',
  'dossier_method_dueWithoutTime_start-of-day':
    'Due date without a time: due at 00:00 of the due day',
  dossier_postal_catalogue_invalid:
    'The catalogue has {count} rows with errors; it was not changed. Correct the rows listed and save again.',
  dossier_postal_catalogue_empty:
    'The catalogue lists no procedure: paste or upload at least one procedure code; it was not changed.',
  dossier_postal_catalogue_too_many:
    'The catalogue lists more than {max} procedures; it was not changed.',
  dossier_postal_catalogue_wrong_type:
    'The file is neither CSV nor Excel (.xlsx); the catalogue was not changed.',
  dossier_postal_catalogue_not_utf8:
    'The CSV file is not UTF-8 (it may be TCVN3 or Windows-1258). Save it as “CSV UTF-8” and upload it again; the catalogue was not changed.',
  dossier_postal_catalogue_none: '“{unit}” has no postal-service catalogue of its own.',
  dossier_postal_row_code_missing: 'Row {row}: the procedure code is missing.',
  dossier_postal_row_code_invalid:
    'Row {row}: the procedure code “{value}” is not valid (unaccented letters, digits and . _ - / only, at most 50 characters).',
  dossier_postal_row_code_duplicate:
    'Row {row}: the procedure code “{code}” is already on row {first}.',
  dossier_postal_row_name_too_long:
    'Row {row}: the procedure name is longer than {max} characters.',
  dossier_official_exists:
    '“{unit}” already has an official with code “{code}” ({name}); edit the name instead of adding it again.',
  dossier_official_none: '“{unit}” has no name recorded for the official with code “{code}”.',
  'dossier_official_code-missing': 'The official’s code is missing.',
  'dossier_official_code-too-long': 'The official’s code is longer than {max} characters.',
  'dossier_official_code-invalid':
    'The official’s code contains control characters (line breaks, tabs); a code is one line of text.',
  'dossier_official_name-missing': 'The official’s full name is missing.',
  'dossier_official_name-too-long': 'The full name is longer than {max} characters.',
  dossier_officials_invalid:
    'The file has {count} errors; the list of officials was not changed. Correct the rows listed and upload it again.',
  dossier_officials_empty:
    'The file names no official: one code and full name per row; the list was not changed.',
  dossier_officials_too_many: 'The file names more than {max} officials; the list was not changed.',
  dossier_officials_wrong_type:
    'The file is neither CSV nor Excel (.xlsx); the list of officials was not changed.',
  dossier_officials_not_utf8:
    'The CSV file is not UTF-8 (it may be TCVN3 or Windows-1258). Save it as “CSV UTF-8” and upload it again; the list of officials was not changed.',
  'dossier_officials_row_code-missing':
    'Row {row}, column “{column}”: the official’s code is missing.',
  'dossier_officials_row_code-too-long':
    'Row {row}, column “{column}”: the official’s code is longer than {max} characters.',
  'dossier_officials_row_code-invalid':
    'Row {row}, column “{column}”: the official’s code contains control characters.',
  'dossier_officials_row_code-duplicate':
    'Row {row}, column “{column}”: the official’s code “{code}” is already on row {first}.',
  'dossier_officials_row_name-missing': 'Row {row}, column “{column}”: the full name is missing.',
  'dossier_officials_row_name-too-long':
    'Row {row}, column “{column}”: the full name is longer than {max} characters.',
  entity_sipas_campaign: 'satisfaction survey',
  entity_sipas_questionnaire: 'survey questionnaire',
  entity_sipas_link: 'survey link',
  // sociological survey
  entity_social_survey: 'the sociological survey of the campaign',
  entity_survey_questionnaire: 'the survey questionnaire',
  entity_survey_respondent: 'the survey respondent',
  survey_respondent_answered:
    '{name} has already answered {count} questionnaire(s): a respondent who answered cannot be removed from the survey.',
  survey_status_draft: 'draft',
  survey_status_open: 'collecting answers',
  survey_status_closed: 'closed',
  survey_wrong_status: 'The survey is “{status}”: this cannot be done now.',
  survey_exists: 'This campaign already has a sociological survey.',
  survey_unit_kind_not_in_campaign: 'The campaign has no criteria set for the unit kind “{kind}”.',
  survey_design_invalid: 'The questionnaire has {count} problems; nothing was saved.',
  survey_design_code_invalid:
    'A code has 1–32 characters: unaccented letters, digits, dots, hyphens, underscores.',
  survey_design_code_duplicate: 'The code “{code}” is used twice.',
  survey_design_set_without_survey:
    'The criteria set of this unit kind has no sociological survey part.',
  survey_design_scale_too_short: 'The scale needs at least two levels.',
  survey_design_level_value: 'A level’s value must be from 0 to 100 %.',
  survey_design_unknown_level: 'The scale has no level “{code}”.',
  survey_design_no_favourable: 'Counting favourable answers needs at least one favourable level.',
  survey_design_node_max: 'A node’s maximum must be above 0.',
  survey_design_nodes_sum:
    'The nodes’ maxima add up to {sum}; they must equal the criteria set’s survey points ({max}).',
  survey_design_no_nodes: 'The questionnaire needs at least one survey node.',
  survey_design_group_weight: 'A group’s weight must be a positive whole number.',
  survey_design_no_groups: 'The questionnaire needs at least one respondent group.',
  survey_design_question_no_node: 'A question must feed at least one node.',
  survey_design_unknown_node: 'There is no node “{code}”.',
  survey_design_sipas_node_question:
    'The node “{code}” takes the SIPAS index, so no question feeds it.',
  survey_design_question_no_group: 'A question must be asked of at least one group.',
  survey_design_unknown_group: 'There is no respondent group “{code}”.',
  survey_design_node_no_question: 'No question feeds the node “{code}”.',
  survey_design_sample_size: 'A sample size is a whole number from 0 to 100,000.',
  survey_questionnaire_missing: 'No questionnaire yet for the unit kinds: {kinds}.',
  survey_questionnaire_version:
    'The file was exported from version {file} of the questionnaire, which is now at version {current}: export it again and edit that.',
  survey_respondent_duplicate: 'The respondent code “{code}” appears twice in the list.',
  survey_unknown_group: 'The questionnaire has no respondent group “{code}”.',
  survey_unknown_unit: 'There is no unit with the code “{code}”.',
  survey_rows_invalid: 'There are {count} problems; no answers were saved.',
  survey_unit_not_participant: 'The unit “{code}” does not take part in the campaign.',
  survey_no_questionnaire: 'There is no questionnaire for the kind of unit “{code}”.',
  survey_unknown_respondent: 'There is no respondent with the code “{code}”.',
  survey_respondent_other_group: 'The respondent “{code}” is in the group “{group}”.',
  survey_respondent_other_unit: 'The respondent “{code}” works in another unit.',
  survey_rates_own_unit: 'A respondent may not rate their own unit (“{unit}”).',
  survey_already_answered:
    'The respondent “{code}” has already rated “{unit}”; each person rates a unit once.',
  survey_unknown_question: 'There is no question “{code}”.',
  survey_question_not_asked: 'The question “{code}” is not asked of the group “{group}”.',
  survey_answer_off_scale: 'The answer “{value}” is not on the scale ({levels}).',
  survey_answer_missing: 'The question “{code}” is not answered.',
  survey_no_answers: 'The questionnaire has no answers.',
  survey_link_unknown: 'This survey link is not valid.',
  survey_link_used: 'This link has already been used to answer; each link works once.',
  survey_link_closed: 'The survey no longer takes answers.',
  survey_field_unit_not_in_survey: 'The rated unit (number {id}) is not in this survey.',
  survey_field_client_id_taken:
    'The form id “{id}” was already used for another form (another unit or respondent group).',
  survey_xlsx_number: '“{value}” is not a number.',
  survey_xlsx_choice: '“{value}” is not one of: {choices}.',
  survey_provisional: 'provisional, the survey is not closed',
  survey_sheet_units: 'Points per unit',
  survey_sheet_questions: 'Per question and group',
  survey_col_unit_code: 'Unit code',
  survey_col_unit: 'Unit',
  survey_col_node: 'Survey node',
  survey_col_max: 'Max points',
  survey_col_share: 'Share',
  survey_col_points: 'Points',
  survey_col_formula: 'Formula',
  survey_col_total: 'Survey points in all',
  survey_col_question: 'Question',
  survey_col_group: 'Respondent group',
  survey_col_weight: 'Weight',
  survey_col_answers: 'Answers',
  survey_col_excluded: 'Don’t know / no answer',
  survey_col_valid: 'Valid',
  survey_col_favourable: 'Favourable',
  survey_col_weighted: 'Weighted across groups',
  survey_page_title: 'Assessment form',
  survey_page_intro: 'Dear {name}, please give your assessment of {unit}.',
  survey_page_send: 'Send',
  survey_page_thanks: 'Thank you. Your assessment of {unit} has been recorded.',
  survey_page_missing: 'Please answer every question.',
  survey_page_failed: 'The form could not be sent. Please try again.',
  survey_page_noscript: 'This page needs JavaScript to send the form.',
  sipas_problem: '{message}',
  sipas_received: 'Your answers have been received. Thank you for your time!',
  sipas_questionnaire_invalid: 'The questionnaire has {count} problems; it was not saved.',
  sipas_questionnaire_taken:
    'Questionnaire {code} version {version} already exists; use a new version number.',
  sipas_questionnaire_in_use:
    'Questionnaire {code} version {version} is used by a survey and cannot be changed or deleted; create a new version.',
  sipas_questionnaire_file_type:
    'The file is neither an Excel workbook (.xlsx) nor a questionnaire JSON file; nothing was saved.',
  sipas_xlsx_no_overall:
    'no overall question: one row needs “Loại câu hỏi” set to “đánh giá chung”',
  sipas_xlsx_two_overall: 'only one overall question is allowed (row {other} has one)',
  sipas_xlsx_element_name: 'the element name differs from row {other} (“{name}”)',
  sipas_xlsx_missing_info: 'the row “{key}” is missing',
  sipas_campaign_invalid: 'The survey set-up has {count} problems to fix.',
  sipas_campaign_has_responses:
    'The survey already has {count} answers: its questionnaire, and fields or units with answers, cannot change.',
  sipas_campaign_closed:
    'The survey “{name}” is not accepting answers. Thank you for your interest.',
  sipas_channel_disabled: 'This survey does not accept answers through “{channel}”.',
  sipas_posters_too_many:
    '{count} poster pages asked for, more than the {max} one file holds; please choose one unit or one field.',
  pdf_font_missing:
    'The server has no font with Vietnamese letters to write PDF files. An administrator installs fonts-croscore (or fonts-liberation2, fonts-dejavu-core), or puts a poster.ttf file in the fonts folder of the data directory.',
  sipas_submission_invalid: 'The form has {count} problems; please check it.',
  sipas_dossier_answered:
    'Dossier {code} has already been rated. Each dossier takes one form; thank you!',
  sipas_link_used: 'This survey link has already been used. Each link works once; thank you!',
  sipas_paper_serial_taken:
    'Paper form {serial} of this unit was already entered; it is not entered twice.',
  sipas_client_id_taken: 'This form id is already used by another form.',
  sipas_form_token_invalid:
    'The form has expired or is not valid. Please reload the page to open a new one.',
  sipas_form_too_fast:
    'The form was sent too quickly. Please read the questions and send it again in a few seconds.',
  sipas_unit_not_in_campaign: 'The unit “{unit}” is not part of this survey.',
  sipas_import_invalid: 'The file has {count} problems; no form was imported.',
  sipas_import_mapping_invalid: 'The column mapping is not valid: {reason}',
  sipas_import_unreadable:
    'The file cannot be read: only CSV (UTF-8) or Excel (.xlsx) files are accepted.',
  sipas_batch_too_large: 'At most {max} forms per upload.',
  // official documents
  document_no_results:
    'The unit has no result in this campaign yet, so no report can be drafted. Recompute the results first.',
  document_unknown_type: 'There is no document type «{type}».',
  document_template_empty: 'The template file is empty.',
  document_template_not_docx: 'The template is not a valid Word file (.docx).',
  document_template_broken:
    'The template cannot be used: {problem} ({place}){more}. Correct it in Word and upload it again; the previous template stays in use.',
  document_template_problem_unopened_tag:
    'the field «{tag}» has a closing «}» without its opening «{»',
  document_template_problem_unclosed_tag:
    'the field «{tag}» opens with «{» but never closes with «}»',
  document_template_problem_duplicate_open_tag: 'the field «{tag}» has two opening «{» in a row',
  document_template_problem_duplicate_close_tag: 'the field «{tag}» has two closing «}» in a row',
  document_template_problem_unopened_loop:
    'the list «{tag}» has a closing «{/{tag}}» without its opening «{#{tag}}»',
  document_template_problem_unclosed_loop:
    'the list «{tag}» opens with «{#{tag}}» but has no closing «{/{tag}}»',
  document_template_problem_closing_tag_does_not_match_opening_tag:
    'the closing line of the list «{tag}» does not match the opening before it',
  document_template_problem_unbalanced_loop_tags:
    'the nested lists around «{tag}» open and close in the wrong order',
  document_template_problem_raw_xml_tag_should_be_only_text_in_paragraph:
    'the field «{tag}» must stand alone in its paragraph',
  document_template_problem_loop_position_invalid:
    'the list «{tag}» opens and closes at different levels (for instance one end inside a table, the other outside)',
  document_template_problem_malformed_xml: 'the Word file is damaged near «{tag}»',
  document_template_problem_unreadable: 'the template’s fields could not be read near «{tag}»',
  document_template_place_body: 'in the body',
  document_template_place_header: 'in the page header',
  document_template_place_footer: 'in the page footer',
  document_template_more: '; and {count} more',
  document_template_unknown_placeholder:
    'The template has fields that do not exist: {names}. See the list of fields on the Document templates page. The previous template stays in use.',
  document_job_failed:
    'The document could not be drafted because of a server error. It was logged; try again.',
  document_job_interrupted:
    'Drafting was interrupted because the server stopped part-way. It can be run again.',
  document_not_ready: 'The document is not drafted yet.',
  document_pdf_missing: 'This document has no PDF yet.',
  // remediation plans and supervisions
  entity_remediation_plan: 'the remediation plan',
  entity_remediation_task: 'the remediation task',
  entity_supervision: 'the supervision',
  entity_supervision_finding: 'the supervision finding',
  remediation_default_title:
    'Plan of measures to remedy shortcomings and improve the Administrative Reform Index in {year} (after the {previous} results)',
  remediation_no_results:
    '«{unit}» has no appraised result in the chosen campaign (nor does any former unit merged into it).',
  remediation_choose_source:
    'Several former units have results in this campaign ({units}); choose whose results the plan starts from.',
  remediation_source_not_related:
    'The chosen unit is neither «{unit}» nor a former unit merged into «{unit}», or it did not take part in the campaign.',
  remediation_plan_exists: '«{unit}» already has a remediation plan for {year}.',
  remediation_source_dossiers: 'Dossiers of quarter {quarter}/{year}',
  remediation_not_an_official:
    'The person responsible must be an official with an account of «{unit}».',
  remediation_target_missing: 'A target measured automatically needs the rate to reach (%).',
  remediation_item_not_in_plan: 'The chosen sub-criterion is not in this plan.',
  remediation_finding_other_unit:
    'The supervision finding does not belong to a supervision of «{unit}».',
  remediation_not_your_task: 'You may only update the tasks you are responsible for.',
  remediation_evidence_other_unit: 'Evidence must be in the evidence library of «{unit}».',
  remediation_done_needs_evidence:
    'Attach at least one piece of evidence of the result before marking the task done.',
  remediation_unknown_codes: 'The items {codes} are not in the plan.',
  remediation_period_order: 'The end of the supervised period must be on or after its start.',
  remediation_appraised_over_max: 'The appraised score cannot be above the max.',
  remediation_self_over_max: 'The self-assessed score cannot be above the max.',
  notify_task_overdue_title: 'Task overdue: {task}',
  notify_task_overdue_body:
    'The task «{task}» of «{plan}» passed its deadline of {date} and is not done. Update its progress, attach evidence or ask for a new deadline.',
  entity_notification: 'the notification',
  entity_outbox_mail: 'the mail in the outbox',
  notify_deadline_selfAssessment: 'Self-assessment deadline',
  notify_deadline_round1: 'Round 1 appraisal deadline',
  notify_deadline_explanations: 'Explanations deadline',
  notify_deadline_round2: 'Round 2 appraisal deadline',
  notify_deadline_publication: 'Publication deadline',
  notify_deadline_title: '{days} days until the {deadline}',
  notify_deadline_today_title: 'Today is the {deadline}',
  notify_deadline_body: 'Campaign “{campaign}”: the {deadline} is {date}. {task}',
  notify_task_selfAssessment: '{unit} must complete and submit its self-assessment before then.',
  notify_task_round1: 'The criteria assigned to you must be appraised in round 1 before then.',
  notify_task_explanations: '{unit} must explain the round 1 findings before then.',
  notify_task_round2: 'The round 1 findings must be decided in round 2 before then.',
  notify_task_publication: 'The results must be approved by the council and published before then.',
  notify_round1_closed_title: 'Round 1 closed: {unit}',
  notify_round1_closed_body:
    'Campaign “{campaign}”: the council closed round 1 of {unit}. See the appraised scores and the reason for every lost point.',
  notify_explanation_requested_title: '{unit} must explain {count} criteria',
  notify_explanation_requested_body:
    'Campaign “{campaign}”: the appraisers ask {unit} to explain {count} round 1 findings. Explanations deadline: {date}.',
  notify_round2_closed_title: 'Result approved: {unit}',
  notify_round2_closed_body:
    'Campaign “{campaign}”: the council finished round 2 and approved the result of {unit}.',
  notify_reminder_title: 'Reminder: {unit}',
  notify_reminder_body: 'Campaign “{campaign}”: {by} sends a reminder. {task} Deadline: {date}.',
  notify_email_greeting: 'Dear {name},',
  notify_email_link: 'Details: {link}',
  // backup and restore (the console)
  restore_no_file: 'Backup file “{file}” not found.',
  restore_not_backup: 'The backup file is damaged or is not a parindex backup.',
  restore_unknown_version:
    'The backup is in format version {version}, which this version of parindex cannot read. Update parindex.',
  restore_newer_schema:
    'The backup (made at {created}) comes from a newer version of parindex (migrations {migrations}). Update parindex and restore again; nothing was written.',
  restore_not_empty:
    'The target database is not empty (table “{table}” has {rows} rows). Restore into a new database; nothing was written.',
  restore_files_not_empty:
    'The stored-files folder “{dir}” is not empty. Restore into a new data folder; nothing was written.',
  restore_truncated: 'The backup is cut short (its end is missing); nothing was restored.',
  restore_unknown_table:
    'The backup’s table “{table}” does not exist in this version; nothing was restored.',
  restore_unknown_column:
    'The backup’s table “{table}” has a column “{column}” this version does not have; nothing was restored.',
  restore_table_count:
    'The backup’s table “{table}” has {rows} rows instead of {expected}; nothing was restored.',
  restore_rows_refused:
    'The database refused the rows of table “{table}” ({reason}); nothing was restored.',
  restore_bad_path: 'Invalid file path in the backup: “{file}”; nothing was restored.',
  restore_file_damaged:
    'The file “{file}” in the backup is damaged (size or SHA-256 does not match); nothing was restored.',
  restore_incomplete:
    'The backup is incomplete: {rows}/{expected} rows, {files}/{expectedFiles} files; nothing was restored.',
  // audit log verification and its anchor outside the database
  audit_chain_intact: 'Audit log intact: {count} entries, hash chain matches.',
  audit_chain_altered:
    'Entry #{id} was altered (its content does not match its hash). The {count} entries before it are intact.',
  audit_chain_removed_before:
    'An entry was removed just before entry #{id} (after entry #{previous}).',
  audit_chain_removed_first:
    'An entry was removed just before entry #{id} (at the start of the log).',
  audit_chain_removed_at_end:
    'Entries were removed from the end of the log: the last should be #{expected}, but it ends at #{last}.',
  audit_anchor_none:
    'No anchor outside the database is configured (PARINDEX_AUDIT_KEY): only the hash chain inside the database was checked; anyone who can write to the database can rewrite or empty the whole log undetected.',
  audit_anchor_no_checkpoints:
    'No checkpoint yet in {where}: the log cannot yet be checked against anything outside the database.',
  audit_anchor_ok:
    'Matches {count} signed checkpoints in {where}; the latest, “{name}” ({at}), covers up to entry #{id}.',
  audit_anchor_unanchored: '{count} entries after the latest checkpoint are not anchored yet.',
  audit_anchor_wrong_key:
    'Checkpoint “{name}” was signed with a key other than the current PARINDEX_AUDIT_KEY (key id {found}, current key {expected}): use the key that signed the checkpoints.',
  audit_anchor_forged:
    'Checkpoint “{name}” has an invalid signature: the checkpoint file was altered or forged.',
  audit_anchor_unreadable:
    'Checkpoint “{name}” cannot be read: the file is not in the expected format.',
  audit_anchor_rewritten:
    'The log was rewritten: checkpoint “{name}” ({at}) recorded entry #{id} with hash {expected}, but in the database entry #{id} has hash {found}.',
  audit_anchor_truncated:
    'The log was cut short or emptied: checkpoint “{name}” ({at}) recorded the log up to entry #{id}, but the database holds only {count} entries (up to #{last}).',
  campaign_survey_no_sipas_answers:
    'The chosen SIPAS survey has no answers for the participating units (or the criteria set has no survey part); no points were saved.',
  notify_email_footer:
    'This message was sent automatically by the Administrative Reform Index system; please do not reply.',
  survey_unknown_unit_kind: 'There is no unit kind “{kind}”.',
  survey_campaign_without_province:
    'The campaign has no lead agency within a province, so units cannot be chosen by kind within the province.',
  survey_respondent_code_missing: 'The respondent code is missing.',
  survey_respondent_code_long: 'The respondent code is longer than {max} characters.',
  survey_respondent_duplicate_row: 'The respondent code “{code}” is already on row {row}.',
  survey_respondent_name_missing: 'The full name is missing.',
  survey_respondent_name_long: 'The full name is longer than {max} characters.',
  survey_respondent_group_missing: 'The respondent group is missing.',
  survey_respondent_email_invalid: '“{value}” is not an e-mail address.',
  survey_mail_subject: 'Invitation to the sociological survey about {unit}',
  survey_mail_reminder_subject: 'Reminder: the sociological survey about {unit}',
  survey_mail_body:
    'As part of “{campaign}”, you are invited to rate {unit} through the sociological survey at your personal link below:',
  survey_mail_reminder_body:
    'You have not yet answered the sociological survey about {unit} (“{campaign}”). The link sent earlier no longer works; please answer at the new link below:',
  survey_mail_deadline: 'Please answer by {date}.',
  survey_mail_single_use: 'This link is yours alone and works once; please do not pass it on.',
  role_system_admin: 'System administrator',
  role_standing_agency: 'Standing agency (Home Affairs)',
  role_unit_officer: 'Unit PAR officer',
  role_unit_head: 'Head of unit',
  role_appraiser: 'Appraisal team member',
  role_council_chair: 'Appraisal council chair',
  role_council_member: "People's Council member",
  role_enumerator: 'Survey enumerator',
};

const catalogue: Record<Locale, Record<MessageKey, string>> = { vi, en };

export type MessageParams = Record<string, string | number>;

/**
 * Renders a message in the given language, filling `{param}` placeholders. A parameter written
 * "@key" is itself a catalogue key, translated in the same language ("@entity_unit" → "đơn vị")
 * with the same parameters, one level deep (a workflow refusal: "{message}" → its sentence, whose
 * "{status}" is in turn a catalogue key).
 */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return fill(locale, catalogue[locale][key], params, 0);
}

function fill(locale: Locale, template: string, params: MessageParams, depth: number): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in params)) return `{${name}}`;
    const value = String(params[name]);
    if (value.startsWith('@') && value.slice(1) in catalogue[locale]) {
      const nested = catalogue[locale][value.slice(1) as MessageKey];
      return depth < 2 ? fill(locale, nested, params, depth + 1) : nested;
    }
    return value;
  });
}

/** Picks the response language from an Accept-Language header; Vietnamese unless English is asked. */
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return 'vi';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}

/** A role's name ("standing_agency" → "Cơ quan thường trực (Nội vụ)"). */
export function roleName(locale: Locale, role: string): string {
  const key = `role_${role}`;
  return key in catalogue[locale] ? catalogue[locale][key as MessageKey] : role;
}

/** Exposed for the catalogue completeness test. */
export const catalogues = catalogue;

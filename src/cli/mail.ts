/**
 * The `parindex mail` commands (ADR 43): `list` shows the outbox, the mails kept because no SMTP
 * server is configured, newest first (`--to` keeps the addresses containing a text, `--limit`),
 * and `show <id>` one mail as it would have left.
 */
import { parseArgs } from 'node:util';
import type { Actor } from '../domain/access.ts';
import { formatDateTimeShort } from '../domain/format.ts';
import type { Deps } from '../server/deps.ts';
import { AppError } from '../server/errors.ts';
import { getOutboxMail, listOutbox } from '../server/features/notifications/outbox.ts';

const USAGE =
  'Cách dùng: parindex mail list [--to <địa chỉ>] [--limit <số thư>] | mail show <mã thư>';

function idOf(value: string | undefined, usage: (m: string) => Error): number {
  const id = Number(value);
  if (!value || !Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647)
    throw usage(`Mã thư «${value ?? ''}» không hợp lệ. ${USAGE}`);
  return id;
}

const recipient = (m: { to: string; recipientName: string | null }) =>
  m.recipientName ? `${m.recipientName} <${m.to}>` : m.to;

/** Runs one `parindex mail …` command; `usage` builds the error printed with exit code 2. */
export async function runMailCommand(
  deps: Deps,
  actor: Actor,
  sub: string | undefined,
  args: string[],
  usage: (message: string) => Error,
): Promise<void> {
  switch (sub) {
    case 'list': {
      const { values } = parseArgs({
        args,
        options: { to: { type: 'string' }, limit: { type: 'string' } },
      });
      const limit = values.limit === undefined ? 50 : Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
        throw usage(`Số thư «${values.limit}» không hợp lệ: từ 1 đến 1000. ${USAGE}`);
      const list = await listOutbox(deps, actor, { limit, recipient: values.to });
      console.log(
        list.smtpConfigured
          ? 'Đã cấu hình máy chủ SMTP: thư được gửi đi; dưới đây là các thư được giữ lại trước đó.'
          : 'Chưa cấu hình máy chủ SMTP: thư điện tử không được gửi mà được giữ lại trong hộp thư đi.',
      );
      if (list.items.length === 0) {
        console.log(values.to ? `Không có thư nào gửi tới «${values.to}».` : 'Hộp thư đi trống.');
        return;
      }
      console.log(
        ['Mã'.padStart(6), 'Ngày giờ'.padEnd(16), 'Người nhận'.padEnd(36), 'Tiêu đề'].join('  '),
      );
      for (const m of list.items)
        console.log(
          [
            String(m.id).padStart(6),
            formatDateTimeShort(m.createdAt).padEnd(16),
            m.to.padEnd(36),
            m.subject,
          ].join('  '),
        );
      const more = list.nextBefore !== null ? ' (còn thư cũ hơn: tăng --limit)' : '';
      console.log(`${list.items.length}/${list.total} thư${more}.`);
      return;
    }
    case 'show': {
      if (args.length !== 1) throw usage(USAGE);
      const id = idOf(args[0], usage);
      let mail;
      try {
        mail = await getOutboxMail(deps, actor, id);
      } catch (error) {
        if (error instanceof AppError && error.kind === 'not_found')
          throw usage(`Không có thư mã ${id} trong hộp thư đi.`);
        throw error;
      }
      console.log(
        [
          `Mã thư      ${mail.id}`,
          `Ngày giờ    ${formatDateTimeShort(mail.createdAt)}`,
          `Người nhận  ${recipient(mail)}`,
          `Tiêu đề     ${mail.subject}`,
          '',
          mail.text,
        ].join('\n'),
      );
      return;
    }
    default:
      throw usage(USAGE);
  }
}

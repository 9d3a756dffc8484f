/**
 * Answers the messages the content script takes (ContentProtocol in
 * core/messages.ts, sent with `callTab`): one handler per message name, typed
 * by the protocol, like the worker's router.
 */
import {
  isEnvelope,
  type ContentMessageName,
  type ContentProtocol,
  type Reply,
} from '../core/messages.ts';

type Handler<N extends ContentMessageName> = (
  args: ContentProtocol[N]['args'],
) => ContentProtocol[N]['reply'];

export type ContentHandlers = { [N in ContentMessageName]: Handler<N> };

/**
 * The reply to `message`, or undefined when it is not one of ours (no
 * answer: another listener may take it). A handler that throws becomes an
 * error reply, never an exception in the sender's context.
 */
export function answer(
  handlers: ContentHandlers,
  message: unknown,
): Promise<Reply<unknown>> | undefined {
  // An own property: "toString" or "__proto__" are no message names.
  if (!isEnvelope(message) || !Object.hasOwn(handlers, message.type)) return undefined;
  const handler = handlers[message.type as ContentMessageName] as Handler<ContentMessageName>;
  try {
    return Promise.resolve({ ok: true, value: handler(message.args as never) });
  } catch (error) {
    return Promise.resolve({
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

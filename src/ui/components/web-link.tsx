import type { ComponentChildren } from 'preact';
import { isWebAddress } from '../../core/web-address.ts';

/**
 * A link to a page the user may open, or plain text where the address is no
 * web address: a mention's `url` may come from an imported file written by
 * anyone (`javascript:`, `data:`). Opens in a new tab, without a referrer.
 */
export function WebLink(props: { url: string; class?: string; children: ComponentChildren }) {
  return isWebAddress(props.url) ? (
    <a href={props.url} target="_blank" rel="noreferrer" class={props.class}>
      {props.children}
    </a>
  ) : (
    <span class={props.class} title={props.url}>
      {props.children}
    </span>
  );
}

import type { KindRule } from '../types.ts';

/** Links to a single video on the big video hosts: such results are videos. */
export const VIDEO_URL =
  /^https?:\/\/(www\.|m\.)?(youtube\.com\/(watch|shorts\/)|youtu\.be\/|vimeo\.com\/\d|dailymotion\.com\/video\/|tiktok\.com\/@[^/]+\/video\/)/i;

export const VIDEO_BY_URL: KindRule = { kind: 'video', url: VIDEO_URL };

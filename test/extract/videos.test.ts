/**
 * YouTube references: ids, start offsets, playlists and the canonical URL.
 */
import { describe, expect, it } from 'vitest';
import { parseOffset, parseYouTube, youTubeUrl } from '../../src/extract/videos.js';

function youtube(raw: string) {
  return parseYouTube(new URL(raw));
}

describe('YouTube references', () => {
  it('reads the id from watch, youtu.be, embed, shorts, live and nocookie URLs', () => {
    for (const raw of [
      'https://www.youtube.com/watch?v=OUYTNywPk-s',
      'https://youtu.be/OUYTNywPk-s',
      'https://www.youtube.com/embed/OUYTNywPk-s',
      'https://www.youtube.com/shorts/OUYTNywPk-s',
      'https://www.youtube.com/live/OUYTNywPk-s',
      'https://www.youtube-nocookie.com/embed/OUYTNywPk-s',
      'https://m.youtube.com/watch?v=OUYTNywPk-s',
    ]) {
      expect(youtube(raw), raw).toEqual({ id: 'OUYTNywPk-s', start: null, list: null });
    }
  });

  it('reads start offsets from t=, start= and #t=', () => {
    expect(youtube('https://www.youtube.com/watch?v=_CFgSksTT54&t=90')?.start).toBe(90);
    expect(youtube('https://www.youtube.com/watch?v=_CFgSksTT54&t=1m30s')?.start).toBe(90);
    expect(youtube('https://youtu.be/_CFgSksTT54?t=42')?.start).toBe(42);
    expect(youtube('https://www.youtube.com/embed/_CFgSksTT54?start=30')?.start).toBe(30);
    expect(youtube('https://www.youtube.com/watch?v=_CFgSksTT54#t=2m')?.start).toBe(120);
  });

  it('keeps the playlist apart from the video', () => {
    expect(youtube('https://www.youtube.com/watch?v=8iQRJXJHiZ8&list=PLj6h78yzYM2N8')).toEqual({
      id: '8iQRJXJHiZ8',
      start: null,
      list: 'PLj6h78yzYM2N8',
    });
    expect(youtube('https://www.youtube.com/playlist?list=PLj6h78yzYM2N8')).toEqual({
      id: null,
      start: null,
      list: 'PLj6h78yzYM2N8',
    });
    expect(youtube('https://www.youtube.com/embed/videoseries?list=PL9')?.id).toBeNull();
  });

  it('ignores other YouTube pages, malformed ids and other hosts', () => {
    expect(youtube('https://www.youtube.com/channel/UC123')).toBeNull();
    expect(youtube('https://www.youtube.com/watch?v=short')).toBeNull();
    expect(youtube('https://example.com/watch?v=OUYTNywPk-s')).toBeNull();
  });

  it('parses offsets in seconds, h/m/s and clock forms', () => {
    expect(parseOffset('90')).toBe(90);
    expect(parseOffset('90s')).toBe(90);
    expect(parseOffset('1m30s')).toBe(90);
    expect(parseOffset('1h2m3s')).toBe(3723);
    expect(parseOffset('01:30')).toBe(90);
    expect(parseOffset('1:02:03')).toBe(3723);
    expect(parseOffset('soon')).toBeNull();
    expect(parseOffset(null)).toBeNull();
  });

  it('writes one canonical watch URL, with list and offset', () => {
    expect(youTubeUrl({ id: 'H06qrNmGqyE', start: 90, list: null })).toBe(
      'https://www.youtube.com/watch?v=H06qrNmGqyE&t=90s',
    );
    expect(youTubeUrl({ id: 'H06qrNmGqyE', start: 0, list: 'PL1' })).toBe(
      'https://www.youtube.com/watch?v=H06qrNmGqyE&list=PL1',
    );
    expect(youTubeUrl({ id: null, start: null, list: 'PL1' })).toBe(
      'https://www.youtube.com/playlist?list=PL1',
    );
  });
});

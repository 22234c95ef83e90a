import sharp from 'sharp';

/**
 * The demo story's photo is drawn, not taken: a metro train at a platform,
 * rendered to a 1600×1200 JPEG, so the demo ships no third-party image.
 */
function metroSvg(): string {
  const windows = Array.from({ length: 8 }, (_, i) => `<rect x="${200 + i * 160}" y="590" width="110" height="80" rx="10" fill="#1f2937"/>`).join('');
  const people = Array.from({ length: 9 }, (_, i) => {
    const x = 160 + i * 150;
    const colour = ['#b91c1c', '#1d4ed8', '#047857', '#92400e', '#6d28d9'][i % 5];
    return `<circle cx="${x}" cy="900" r="26" fill="#f1c27d"/><rect x="${x - 30}" y="928" width="60" height="120" rx="22" fill="${colour}"/>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1200">
  <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#9cc9ef"/><stop offset="1" stop-color="#e8f1f8"/></linearGradient></defs>
  <rect width="1600" height="1200" fill="url(#sky)"/>
  <rect x="0" y="120" width="1600" height="60" fill="#d1d5db"/>
  <rect y="820" width="1600" height="380" fill="#9ca3af"/>
  <rect x="120" y="560" width="1360" height="260" rx="60" fill="#f3f4f6" stroke="#374151" stroke-width="8"/>
  <rect x="120" y="690" width="1360" height="40" fill="#b91c1c"/>
  ${windows}
  <rect y="830" width="1600" height="18" fill="#374151"/>
  <rect y="848" width="1600" height="10" fill="#facc15"/>
  ${people}
</svg>`;
}

export async function renderDemoPhoto(): Promise<Buffer> {
  return sharp(Buffer.from(metroSvg())).jpeg({ quality: 82 }).toBuffer();
}

/** A CJK character, a single space, a CJK character: the gap of text typed or dictated word by word. */
const WORD_GAP = /(?<=[\u4e00-\u9fa5]) (?=[\u4e00-\u9fa5])/g;

/**
 * "架桥镇 兴隆 养鸡场 做了 半年": a line written word by word reads as one run of text. A line
 * whose spaces only part its clauses ("在吗 我要投诉") keeps them: it has too few for its length.
 */
function joinWordSpacedLine(line: string): string {
  const gaps = line.match(WORD_GAP)?.length ?? 0;
  const chars = line.match(/[\u4e00-\u9fa5]/g)?.length ?? 0;
  return gaps >= 4 && chars <= gaps * 4.5 && !/[，。！？；]/.test(line) ? line.replace(WORD_GAP, '') : line;
}

/**
 * Folds full-width digits, letters and a few separators to ASCII so that one set of patterns reads
 * "１２０００" and "12000" alike. Chinese punctuation (，。：) is kept: the rules split on it. A word
 * begun again after a pause (蔡……蔡永胜) is read once; a line typed word by word is joined.
 */
export function normalizeText(text: string): string {
  return (
    text
      .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
      .replace(/[\uFF0D\u2014\u2013\u2212]/g, '-')
      .replace(/\uFF0E/g, '.')
      .replace(/\u3000/g, ' ')
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map(joinWordSpacedLine)
      .join('\n')
      .replace(/([\u4e00-\u9fa5])(?:…+|\.{3,}|—+)\1/g, '$1')
      // 包工投, 包工偷: typed for 包工头
      .replace(/包工(投|偷|斗)/g, '包工头')
      // voice input's homophones: 前我工资 (欠), 头书/头诉 (投诉), 公钱 (工钱)
      .replace(/前(?=(我|我们|他|她|他们)(的)?(工资|工钱))/g, '欠')
      .replace(/头(书|诉)|投书/g, '投诉')
      .replace(/公钱/g, '工钱')
      // ¥6,800: the sign as 元, the thousands unseparated
      .replace(/(\d),(?=\d{3}(?!\d))/g, '$1')
      .replace(/[¥￥]\s?(\d+(?:\.\d+)?)/g, '$1元')
      // 9、10月份, 7-9月: months listed or spanned with 月 said once, at the end
      .replace(/(?<![\d.])(1[0-2]|[1-9])(、|-|~|—)(?=(1[0-2]|[1-9])月)/g, '$1月$2')
      // 小两万: about twenty thousand, read as 两万
      .replace(/小(?=[一二两三四五六七八九十]+[万千](?![一二三四五六七八九]))/g, '')
      // 二十好几万: some tens of thousands more, read as 二十几万
      .replace(/([十百千万])好几/g, '$1几')
      // 做哒三十天, 只给哒八百: the dialect's 哒 after a verb of work or pay is 了
      .replace(/([做干搞给发结付拿领打转收采摘送砍挖])哒(?=[\d一二两三四五六七八九十几半])/g, '$1了')
      // 万把块, 千把块钱: about ten thousand, about a thousand
      .replace(/(?<![一二两三四五六七八九十百\d])(万|千)把(?=块|元|钱)/g, '一$1')
  );
}

/** Overwrites [start, end) with a filler of equal length, so offsets into the text stay valid. */
export function maskSpan(text: string, start: number, end: number, filler = '□'): string {
  return text.slice(0, start) + filler.repeat(Math.max(0, end - start)) + text.slice(end);
}

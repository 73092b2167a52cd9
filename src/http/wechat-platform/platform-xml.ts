import { XMLParser, XMLValidator } from 'fast-xml-parser';

export const MAX_CALLBACK_BYTES = 64 * 1024;

const MAX_DEPTH = 8;

export class PlatformXmlError extends Error {}

// Values stay strings: a MsgId like 6054768590064713728 is past 2^53 and a phone number must keep its digits.
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // The platforms' deepest documents (a picture event's SendPicsInfo/PicList/item/…) are 5 levels.
  maxNestedTags: MAX_DEPTH,
});

/**
 * The flat `<xml>…</xml>` document the platforms post, as field → string. No DTDs, entities declarations
 * or processing tricks: any `<!` other than CDATA, and any processing instruction other than a leading XML
 * declaration, is refused before the parser sees it, so only XML's five predefined entities exist. A repeated
 * field or one nested more than MAX_DEPTH deep is refused rather than guessed at.
 */
export function parseCallbackXml(body: string): Record<string, string> {
  if (Buffer.byteLength(body, 'utf8') > MAX_CALLBACK_BYTES) throw new PlatformXmlError('the XML body is too large');
  if (body.includes('\u0000')) throw new PlatformXmlError('the XML body contains NUL characters');
  if (/<!(?!\[CDATA\[)/.test(body)) throw new PlatformXmlError('DTDs, entity declarations and comments are not accepted');
  // A PI would be dropped silently by the parser, changing the text; CDATA is cut out first (its `<?` is text).
  if (/<\?/.test(body.replace(/^\s*<\?xml\s[^?]*\?>/, '').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, ''))) {
    throw new PlatformXmlError('processing instructions are not accepted');
  }
  const valid = XMLValidator.validate(body);
  if (valid !== true) throw new PlatformXmlError(`the XML is not well-formed (${valid.err.msg})`);
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(body) as Record<string, unknown>;
  } catch (err) {
    throw new PlatformXmlError(`the XML could not be read (${(err as Error).message})`);
  }
  const keys = Object.keys(doc);
  const root = doc.xml;
  if (keys.length !== 1 || typeof root !== 'object' || root === null || Array.isArray(root)) {
    throw new PlatformXmlError('the document must have a single <xml> root');
  }
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(root as Record<string, unknown>)) {
    if (typeof v === 'string') fields[k] = v;
    else if (Array.isArray(v)) throw new PlatformXmlError(`the field ${k.slice(0, 40)} is repeated`);
    // Nested elements (a video's <Video>, a card's <Articles>) carry nothing the intake reads.
  }
  return fields;
}

const cdata = (s: string) => `<![CDATA[${s.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

/** A reply document; strings as CDATA (a `]]>` in the text is split), numbers as they are. */
export function buildXml(fields: Record<string, string | number>): string {
  const inner = Object.entries(fields)
    .map(([k, v]) => `<${k}>${typeof v === 'number' ? String(v) : cdata(v)}</${k}>`)
    .join('');
  return `<xml>${inner}</xml>`;
}

import OpenAI, { toFile } from 'openai';

export interface SpeechConfig {
  baseURL: string;
  apiKey: string | undefined;
  model: string;
  timeoutMs: number;
}

/** Whisper-style models write Chinese in the script of their prompt: this asks for simplified characters. */
const PROMPT = '以下是普通话，内容是农民工反映工资被拖欠的情况。';

/**
 * Speech to text on an OpenAI-compatible endpoint (`POST {baseURL}/audio/transcriptions`), Mandarin
 * expected. The audio goes as the WeChat backend gave it (MP3 on wechat4u, SILK on some others). One
 * attempt, bounded by the timeout: the worker is waiting, and asking them to type beats a long wait.
 */
export function createSpeechTranscriber(c: SpeechConfig, onError?: (message: string) => void) {
  const client = new OpenAI({ apiKey: c.apiKey ?? 'not-needed', baseURL: c.baseURL, maxRetries: 0, timeout: c.timeoutMs });
  return async (audio: { name: string; mime: string; data: Buffer }): Promise<string> => {
    try {
      const result = await client.audio.transcriptions.create(
        {
          file: await toFile(audio.data, audio.name, { type: audio.mime }),
          model: c.model,
          language: 'zh',
          prompt: PROMPT,
          response_format: 'json',
        },
        { timeout: c.timeoutMs, maxRetries: 0 },
      );
      return result.text ?? '';
    } catch (err) {
      onError?.((err as Error).message?.slice(0, 200) || 'speech recognition failed');
      throw err;
    }
  };
}

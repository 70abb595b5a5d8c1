import type { FilePreview } from '../importApi';

/** A preview of a readable file at path; over changes any field. */
export function pv(path: string, over: Partial<FilePreview> = {}): FilePreview {
  const file = path.split('/').pop()!;
  return {
    path, file, size: 1200, name: file.replace(/\.[^.]+$/, ''), format: file.split('.').pop()!, encoding: 'utf-8',
    turns: 4, words: 120, speakers: ['Interviewer', 'P003'], interviewers: [], warnings: [],
    firstTurns: [{ speaker: 'Interviewer', timestamp: '00:00:01', text: 'How has the café group been?' }],
    error: '', ...over,
  };
}

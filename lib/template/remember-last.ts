/**
 * A pure function of a string that remembers its last answer: the rules of one mapping read the same name or ARN
 * several times (ESM402-407 parse FunctionName, ESM302 and ESM406-407 the stream ARN), and the mappings of one
 * function follow each other with the same FunctionName. The answer is shared, so it must be treated as read-only.
 */
export function rememberLast<T>(fn: (text: string) => T): (text: string) => T {
  let lastText: string | undefined;
  let lastAnswer: T;
  return (text) => {
    if (text !== lastText) {
      lastAnswer = fn(text);
      lastText = text;
    }
    return lastAnswer;
  };
}

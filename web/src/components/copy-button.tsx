import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Copies text to the clipboard and says so for a moment. */
export function CopyButton({ text, label, testId }: { text: string; label: string; testId: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // Clipboard access can be refused (insecure origin, permissions); the text stays selectable.
      setCopied(false);
    }
  }
  return (
    <button type="button" className="btn btn-outline btn-small" onClick={copy} data-testid={testId}>
      {copied ? t('account.copied') : label}
    </button>
  );
}

import { useId, type FormEvent, type KeyboardEvent } from "react";

/**
 * A textarea and Send: Enter sends, Shift+Enter is a new line. Controlled, so the chat can put a
 * refused message back as the draft.
 */
export function Composer({
  value,
  onChange,
  onSend,
}: {
  value: string;
  onChange: (text: string) => void;
  onSend: (text: string) => void;
}) {
  const id = useId();
  const send = () => {
    if (value.trim() === "") return;
    onSend(value);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };
  return (
    <form className="demo-composer" onSubmit={onSubmit}>
      <label className="lgr-visually-hidden" htmlFor={id}>
        Message
      </label>
      <textarea
        id={id}
        className="demo-composer__input"
        rows={2}
        value={value}
        placeholder="Say something, or try /tokens 500, /slow 5000, /interrupt …"
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <button
        type="submit"
        className="lgr-button demo-composer__send"
        data-variant="primary"
        disabled={value.trim() === ""}
      >
        Send
      </button>
    </form>
  );
}

import { useId, useState, type FormEvent, type KeyboardEvent } from "react";

/** A textarea and Send: Enter sends, Shift+Enter is a new line. */
export function Composer({ onSend }: { onSend: (text: string) => void }) {
  const [text, setText] = useState("");
  const id = useId();
  const send = () => {
    if (text.trim() === "") return;
    onSend(text);
    setText("");
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
        value={text}
        placeholder="Say something, or try /tokens 500, /slow 5000, /interrupt …"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <button
        type="submit"
        className="lgr-button demo-composer__send"
        data-variant="primary"
        disabled={text.trim() === ""}
      >
        Send
      </button>
    </form>
  );
}

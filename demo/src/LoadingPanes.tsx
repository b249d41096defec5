/**
 * The panes' placeholder while the thread opens: the same shapes index.html paints before the
 * app mounts (its inline `.boot-*` styles), so the page does not jump when the app takes over.
 */
export function LoadingPanes() {
  return (
    <div className="boot-main" aria-busy="true">
      <p className="boot-hidden" role="status">
        Opening a thread…
      </p>
      <div className="boot-pane boot-pane--chat" aria-hidden="true">
        <span className="boot-line boot-line--title" />
        <span className="boot-fill" />
        <span className="boot-line boot-line--input" />
      </div>
      <div className="boot-pane boot-pane--runs" aria-hidden="true">
        <span className="boot-line boot-line--title" />
        <span className="boot-block" />
        <span className="boot-fill" />
      </div>
    </div>
  );
}

import Link from "next/link";

export default function Home() {
  return (
    <main>
      <h1>langgraph-runs-react on Next.js</h1>
      <p>
        Open <Link href="/threads/new">a new thread</Link>, or{" "}
        <code>/threads/&lt;thread id&gt;</code>.
      </p>
    </main>
  );
}

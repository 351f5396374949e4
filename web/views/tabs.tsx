/** A row of tab links; the current one is marked for screen readers and not by colour alone. */
export const Tabs = ({ tabs, current, label }: { tabs: { href: string; label: string }[]; current: string; label: string }) => (
  <nav class="tabs" aria-label={label}>
    <ul>
      {tabs.map((t) => (
        <li>
          <a href={t.href} aria-current={t.href === current ? "page" : undefined}>
            {t.label}
          </a>
        </li>
      ))}
    </ul>
  </nav>
);

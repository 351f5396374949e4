// What the staff's application pages share: where they are and the way back.
import type { Child } from "hono/jsx";

export const staffApplicationUrl = (id: string, rest = "") => `/personal/ansokningar/${id}${rest}`;

export const Breadcrumbs = ({ children }: { children: Child }) => (
  <nav class="breadcrumbs" aria-label="Du är här">
    <a href="/personal">Personal</a> › {children}
  </nav>
);

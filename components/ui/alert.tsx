import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/ui/cn";

const tones = {
  info: "border-info/30 bg-info-soft text-info",
  success: "border-success/30 bg-success-soft text-success",
  danger: "border-danger/30 bg-danger-soft text-danger",
} as const;

export type AlertTone = keyof typeof tones;

export type AlertProps = Omit<ComponentProps<"div">, "title"> & { tone?: AlertTone; title?: ReactNode };

/** Form-level messages. A failure interrupts (role="alert"); good news waits its turn (role="status"). */
export function Alert({ tone = "info", title, className, children, ...props }: AlertProps) {
  return (
    <div
      role={tone === "danger" ? "alert" : "status"}
      className={cn("rounded-md border px-4 py-3 text-sm", tones[tone], className)}
      {...props}
    >
      {title && <p className="font-semibold">{title}</p>}
      {children && <div className={cn(title && "mt-1")}>{children}</div>}
    </div>
  );
}

export const SIDE_LABELS = { SALES: "Sales", MARKETING: "Marketing" } as const;

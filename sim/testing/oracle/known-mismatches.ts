// Cases where the real kubectl v1.32.5 and ours disagree today, keyed by case id (cases.ts), each
// with the component to fix. oracle.test.ts expects these to still differ: when one is fixed the
// suite fails until the entry is removed, so this list only ever shrinks honestly.

export const KNOWN_MISMATCHES: Record<string, string> = {};

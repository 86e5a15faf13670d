export declare const MIX: ReadonlyArray<(n: number) => string>;
export declare function mixLine(n: number): string;

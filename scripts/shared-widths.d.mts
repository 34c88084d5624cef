export declare const widthModule: string;
export declare function sharedWidth(specifier: string, importer: string | undefined): string | undefined;

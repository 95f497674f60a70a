// The part of utif (a pure-JS TIFF decoder without its own types) that render.ts uses.
declare module 'utif' {
  namespace UTIF {
    /** An image file directory: tags as `t<number>` arrays, plus width/height/data once decodeImage has run. */
    type IFD = { [tag: `t${number}`]: unknown[] | undefined; width: number; height: number; data?: Uint8Array };
  }
  const UTIF: {
    decode(buffer: ArrayBuffer): UTIF.IFD[];
    decodeImage(buffer: ArrayBuffer, ifd: UTIF.IFD, ifds?: UTIF.IFD[]): void;
    toRGBA8(ifd: UTIF.IFD): Uint8Array;
    /** `metadata`: tags to set, by name ("t282": XResolution), over the defaults */
    encodeImage(rgba: Uint8Array, width: number, height: number, metadata?: Record<string, unknown[]>): ArrayBuffer;
  };
  export default UTIF;
}

import { type AnalyzeOptions } from '../contents/analyze.js';
import type { ContentAnalysis } from '../contents/types.js';
import type { BaseImageHint } from '../model/base.js';
import type { ImageModel } from '../model/types.js';
import { type SelectImageOptions } from './oci-index.js';
export interface ReadImageOptions extends SelectImageOptions {
    /** The name the report gives the image; default the path. */
    image?: string;
    base?: BaseImageHint;
    /** Options of the file-level analysis, or false to read metadata only. */
    analyze?: AnalyzeOptions | false;
}
export interface ImageFromSource {
    model: ImageModel;
    contents?: ContentAnalysis;
}
/** An OCI image layout directory (`buildx build --output type=oci,tar=false,dest=DIR`). */
export declare function readOciLayout(dir: string, options?: ReadImageOptions): Promise<ImageFromSource>;
export declare function parseJson(text: string, label: string): unknown;

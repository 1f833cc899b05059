import type { ResolvedEndpointOptions } from './endpoint-options.ts';

/** One row sent to the model: a value per feature, in the options' feature order. */
export type Instance = readonly (number | string)[];

/** A problem with one answer, described for the error message (the caller adds the URL and the batch). */
export class AnswerProblem extends Error {}

/**
 * The request body of one batch.
 * json: `{"instances": [[x₁, …, x_F], …]}` (or `[{feature: x, …}, …]` with instanceFormat `object`), the shape of
 * TensorFlow Serving's and KServe v1's predict API.
 * v2 (Open Inference Protocol REST, `POST v2/models/<name>/infer`): `{"inputs": [{"name", "shape", "datatype",
 * "data"}]}` with `data` flattened in row-major order — one [N, F] tensor (layout `matrix`), or one [N] tensor per
 * feature named after it (layout `columns`, datatype BYTES for a feature holding strings).
 */
export function encodeRequest(instances: readonly Instance[], options: ResolvedEndpointOptions): unknown {
  const features = options.features;
  if (options.protocol === 'json') {
    if (options.instanceFormat === 'array') return { instances };
    return { instances: instances.map((row) => Object.fromEntries(features.map((name, f) => [name, row[f]]))) };
  }
  if (options.v2Layout === 'matrix') {
    const data: number[] = [];
    for (const row of instances) {
      for (const value of row) {
        if (typeof value !== 'number') throw new TypeError('the v2 matrix layout sends numbers only; use v2Layout "columns" for string features');
        data.push(value);
      }
    }
    return { inputs: [{ name: options.inputName, shape: [instances.length, features.length], datatype: options.datatype, data }] };
  }
  return {
    inputs: features.map((name, f) => {
      const data = instances.map((row) => row[f] as number | string);
      const numeric = data.every((value) => typeof value === 'number');
      return { name, shape: [instances.length], datatype: numeric ? options.datatype : 'BYTES', data };
    }),
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** One prediction as a number: a number, a boolean (1/0), or a vector's element `outputIndex` (a 1-vector alone). */
function scalar(value: unknown, row: number, outputIndex: number | undefined): number {
  let picked = value;
  if (Array.isArray(value)) {
    if (outputIndex !== undefined) picked = value[outputIndex];
    else if (value.length === 1) picked = value[0];
    else throw new AnswerProblem(`prediction ${row} is a vector of ${value.length} values; set outputIndex to pick one`);
  }
  if (typeof picked === 'boolean') return picked ? 1 : 0;
  if (typeof picked !== 'number' || !Number.isFinite(picked)) {
    throw new AnswerProblem(`prediction ${row} is ${JSON.stringify(picked) ?? 'missing'}, not a finite number`);
  }
  return picked;
}

/** Flattens nested arrays (the v2 spec allows nested as well as flat row-major `data`). */
function flatten(data: unknown[]): unknown[] {
  return data.some(Array.isArray) ? (data.flat(Infinity) as unknown[]) : data;
}

/** The predictions in an answer body, exactly `rows` of them, or an AnswerProblem saying what is wrong. */
export function decodeResponse(text: string, rows: number, options: ResolvedEndpointOptions): Float64Array {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AnswerProblem(`the answer is not JSON: ${JSON.stringify(text.slice(0, 80))}`);
  }
  if (!isRecord(body)) throw new AnswerProblem('the answer is not a JSON object');
  const result = new Float64Array(rows);
  if (options.protocol === 'json') {
    const predictions = body['predictions'];
    if (!Array.isArray(predictions)) throw new AnswerProblem('the answer has no "predictions" array');
    if (predictions.length !== rows) throw new AnswerProblem(`the answer has ${predictions.length} predictions for ${rows} instances`);
    predictions.forEach((value, row) => (result[row] = scalar(value, row, options.outputIndex)));
    return result;
  }
  const outputs = body['outputs'];
  if (!Array.isArray(outputs) || outputs.length === 0) throw new AnswerProblem('the answer has no "outputs" array');
  const output: unknown = options.outputName === undefined ? outputs[0] : outputs.find((o) => isRecord(o) && o['name'] === options.outputName);
  if (!isRecord(output)) throw new AnswerProblem(`the answer has no output ${JSON.stringify(options.outputName ?? 0)}`);
  if (!Array.isArray(output['data'])) throw new AnswerProblem(`output ${JSON.stringify(output['name'])} has no "data" array`);
  const data = flatten(output['data']);
  const shape = output['shape'];
  if (Array.isArray(shape) && shape[0] !== rows) throw new AnswerProblem(`output shape ${JSON.stringify(shape)} does not start with the ${rows} rows sent`);
  if (data.length % rows !== 0 || data.length === 0) throw new AnswerProblem(`output has ${data.length} values for ${rows} rows`);
  const width = data.length / rows;
  for (let row = 0; row < rows; row++) {
    const slice = width === 1 ? data[row] : data.slice(row * width, (row + 1) * width);
    result[row] = scalar(slice, row, options.outputIndex);
  }
  return result;
}

// esbuild plugin: bundles src/core/kafka/kafkajsFastPaths in place of three kafkajs modules on
// the produce path (that folder says why). Only these exact files are replaced; a kafkajs
// release that moves them would leave its own code in place, and a unit test says so.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FAST_PATHS = JSON.stringify(
  fileURLToPath(new URL('../src/core/kafka/kafkajsFastPaths/index.ts', import.meta.url)),
);
/** Marks a require of the kafkajs module itself, from the code that stands in for it. */
const ORIGINAL = '?kafkajs-original';

/** kafkajs module (relative to node_modules/kafkajs/src) → the code bundled in its place. */
export const REPLACED = {
  'producer/groupMessagesPerPartition.js': `module.exports = require(${FAST_PATHS}).groupMessagesPerPartition;`,
  'protocol/recordBatch/record/v0/index.js': `module.exports = require(${FAST_PATHS}).encodeRecord;`,
  'protocol/requests/produce/v3/request.js': `module.exports = require(${FAST_PATHS}).withFastProduceEncoding(
  require('./request.js${ORIGINAL}'),
  {
    Encoder: require('../../../encoder'),
    noCompression: require('../../../message/compression').Types.None,
  },
);`,
};

const KAFKAJS_SRC = `${path.sep}node_modules${path.sep}kafkajs${path.sep}src${path.sep}`;

export function kafkajsFastPaths() {
  return {
    name: 'kafkajs-fast-paths',
    setup(build) {
      build.onResolve({ filter: /\?kafkajs-original$/ }, (args) => ({
        path: path.resolve(args.resolveDir, args.path.slice(0, -ORIGINAL.length)),
        suffix: ORIGINAL,
      }));
      build.onLoad({ filter: /[\\/]node_modules[\\/]kafkajs[\\/]src[\\/].*\.js$/ }, (args) => {
        const module = args.path.split(KAFKAJS_SRC)[1]?.split(path.sep).join('/');
        const contents = args.suffix === ORIGINAL ? undefined : REPLACED[module];
        return contents && { contents, loader: 'js', resolveDir: path.dirname(args.path) };
      });
    },
  };
}

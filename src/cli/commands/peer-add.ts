/** `polsam peer-add` and `polsam node-info`: pairing Polsam nodes from the command line. */
import { peerInput } from '../../shared/federation.schemas.ts';
import { addPeer, configureFederation, federationSettings, getNodeInfo } from '../../server/modules/federation/index.ts';
import { parseArgs, withDatabase, type CliCommand } from '../cli.ts';

export const nodeInfoCommand: CliCommand = {
  name: 'node-info',
  usage: 'node-info',
  summary: "print this node's id, country and public key (creates the key at first use)",
  async run() {
    await withDatabase(async (ctx, config) => {
      configureFederation(federationSettings(config));
      const info = await getNodeInfo(ctx);
      console.log(`node-id: ${info.nodeId}\ncountry: ${info.countryCode}\npublic-key: ${info.publicKey}`);
    });
  },
};

export const peerAddCommand: CliCommand = {
  name: 'peer-add',
  usage: 'peer-add --node-id NO --country NO --name N --endpoint URL --public-key K',
  summary: 'register another Polsam node as a peer',
  async run(args) {
    const { values } = parseArgs({ args, options: { 'node-id': { type: 'string' }, country: { type: 'string' }, name: { type: 'string' }, endpoint: { type: 'string' }, 'public-key': { type: 'string' }, inactive: { type: 'boolean', default: false } } });
    const parsed = peerInput.safeParse({ nodeId: values['node-id'], countryCode: values.country, name: values.name, endpointUrl: values.endpoint, publicKey: values['public-key'], active: !values.inactive });
    if (!parsed.success) throw new Error(`invalid arguments: ${parsed.error.issues.map((i) => `${i.path.join('.')} (${i.message})`).join(', ')}`);
    const p = await withDatabase(async (ctx, config) => {
      configureFederation(federationSettings(config));
      return addPeer(ctx, parsed.data);
    });
    console.log(`Peer ${p.nodeId} (${p.countryCode}) registered: ${p.endpointUrl}`);
  },
};

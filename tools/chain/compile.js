// Compiles contracts/HotToken.sol with the solc of package.json into artifacts/HotToken.json (ABI + creation
// bytecode), the file the Masq tests deploy. `node compile.js --check` fails when the checked-in artefact is not
// what the source compiles to.
'use strict';
const fs = require('fs');
const path = require('path');
const solc = require('solc');

const source = path.join(__dirname, 'contracts', 'HotToken.sol');
const target = path.join(__dirname, 'compiled', 'HotToken.json');
const input = {
  language: 'Solidity',
  sources: { 'HotToken.sol': { content: fs.readFileSync(source, 'utf8') } },
  settings: {
    // Paris: no PUSH0/MCOPY, so any ganache 7 hardfork runs it.
    evmVersion: 'paris',
    optimizer: { enabled: true, runs: 200 },
    metadata: { bytecodeHash: 'none' },
    outputSelection: { '*': { HotToken: ['abi', 'evm.bytecode.object'] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors || []).filter((e) => e.severity === 'error');
if (errors.length > 0) {
  for (const e of errors) console.error(e.formattedMessage);
  process.exit(1);
}
const contract = output.contracts['HotToken.sol'].HotToken;
const artefact = JSON.stringify({
  contractName: 'HotToken',
  compiler: `solc ${solc.version()}`,
  abi: contract.abi,
  bytecode: '0x' + contract.evm.bytecode.object,
}, null, 2) + '\n';
if (process.argv.includes('--check')) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (current !== artefact) {
    console.error(`${target} is not what ${source} compiles to; run: node compile.js`);
    process.exit(1);
  }
  console.log('HotToken artefact is up to date');
} else {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, artefact);
  console.log(`wrote ${target}`);
}

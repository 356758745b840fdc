// The chain half of scripts/localnet-paying.sh, on a ganache started with the tests' mnemonic (its accounts are
// unlocked, so transactions are sent with eth_sendTransaction from account 0):
//   node localnet-chain.js deploy  <url>                            deploys compiled/HotToken.json as account 0's first transaction
//   node localnet-chain.js fund    <url> <tokens> <ether> <addr>... sends each address whole tokens and whole ether from account 0
//   node localnet-chain.js balance <url> <addr>...                  prints each address's token balance in wei
// Only Node's built-in fetch; no packages.
'use strict';

const fs = require('fs');
const path = require('path');

// The dev chain's token address: where account 0's first contract lands (Masq.Lib Chain.Dev.ContractAddress).
const DEV_CONTRACT = '0x59882e4a8f5d24643d4dda422922a870f1b3e664';
const WEI = 10n ** 18n;

let id = 0;

async function call(url, method, params) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: ++id, method, params }),
  });
  const body = await response.json();
  if (body.error) {
    throw new Error(`${method}: ${body.error.message}`);
  }
  return body.result;
}

async function receipt(url, hash) {
  for (let i = 0; i < 100; i++) {
    const r = await call(url, 'eth_getTransactionReceipt', [hash]);
    if (r) {
      if (r.status !== '0x1') {
        throw new Error(`transaction ${hash} failed on chain`);
      }
      return r;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`transaction ${hash} was not mined`);
}

const hex = (n) => '0x' + n.toString(16);
const word = (n) => n.toString(16).padStart(64, '0');
const addressWord = (a) => a.toLowerCase().replace(/^0x/, '').padStart(64, '0');

async function deploy(url) {
  const [account0] = await call(url, 'eth_accounts', []);
  const code = await call(url, 'eth_getCode', [DEV_CONTRACT, 'latest']);
  if (code && code !== '0x') {
    console.log(`The token is already deployed at ${DEV_CONTRACT}`);
    return;
  }
  const nonce = BigInt(await call(url, 'eth_getTransactionCount', [account0, 'pending']));
  if (nonce !== 0n) {
    throw new Error(`account 0 (${account0}) has sent ${nonce} transactions: the token must be its first to land at ${DEV_CONTRACT}; start a fresh chain`);
  }
  const artefact = JSON.parse(fs.readFileSync(path.join(__dirname, 'compiled', 'HotToken.json'), 'utf8'));
  const hash = await call(url, 'eth_sendTransaction', [{ from: account0, data: artefact.bytecode, gas: hex(2000000n) }]);
  const r = await receipt(url, hash);
  if (r.contractAddress.toLowerCase() !== DEV_CONTRACT) {
    throw new Error(`the token landed at ${r.contractAddress}, not at the dev chain's ${DEV_CONTRACT}`);
  }
  console.log(`Deployed the token (HOT, 472,000,000 to ${account0}) at ${DEV_CONTRACT}`);
}

async function fund(url, tokens, ether, addresses) {
  const [account0] = await call(url, 'eth_accounts', []);
  for (const address of addresses) {
    const data = '0xa9059cbb' + addressWord(address) + word(BigInt(tokens) * WEI);
    await receipt(url, await call(url, 'eth_sendTransaction', [{ from: account0, to: DEV_CONTRACT, data, gas: hex(100000n) }]));
    await receipt(url, await call(url, 'eth_sendTransaction', [{ from: account0, to: address, value: hex(BigInt(ether) * WEI) }]));
    console.log(`Funded ${address}: ${tokens} tokens, ${ether} ETH`);
  }
}

async function balance(url, addresses) {
  for (const address of addresses) {
    const result = await call(url, 'eth_call', [{ to: DEV_CONTRACT, data: '0x70a08231' + addressWord(address) }, 'latest']);
    console.log(`${address} ${BigInt(result).toString()}`);
  }
}

async function main() {
  const [command, url, ...rest] = process.argv.slice(2);
  switch (command) {
    case 'deploy':
      return deploy(url);
    case 'fund':
      return fund(url, rest[0], rest[1], rest.slice(2));
    case 'balance':
      return balance(url, rest);
    default:
      throw new Error('usage: node localnet-chain.js deploy|fund|balance <url> ...');
  }
}

main().catch((e) => {
  console.error(`localnet-chain: ${e.message}`);
  process.exit(1);
});

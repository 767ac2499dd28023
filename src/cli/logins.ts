const out = (s: string) => process.stdout.write(`${s}\n`);

export function printLogins(
  users: { username: string; displayName: string; role: string }[],
  password: string,
): void {
  out('演示账号(密码相同):');
  for (const u of users) out(`  ${u.username.padEnd(10)} ${u.role}(${u.displayName})`);
  out(`  密码: ${password}`);
}

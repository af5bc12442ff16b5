/** Prints demo logins as a small table, once, when they are created. */
export function printDemoLogins(people: { name: string; email: string; role: string; password: string }[]): void {
  console.log("\nDemo logins (shown once; also listed in README.md):");
  for (const person of people) {
    console.log(`  ${person.role.padEnd(9)} ${person.email.padEnd(28)} ${person.password.padEnd(20)} (${person.name})`);
  }
  console.log("");
}

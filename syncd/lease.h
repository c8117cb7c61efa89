#ifndef SB_SYNCD_LEASE_H
#define SB_SYNCD_LEASE_H
/* Who holds a lease. Every claim syncd makes (a job, a batch of mail, later
 * a PBX link or a SCIM source) is written with this process's name, so any
 * number of syncd processes on any number of hosts can run side by side,
 * and a crashed one's claims are taken over when their leases expire. */

/* Names this process: host, pid and a random part, unique even across
 * hosts and pid reuse. Called once at start. */
void lease_set_owner(const char *host);
const char *lease_owner(void);
#endif

/**
 * The organisation of §1 (internal): the room's posts, what each is responsible for, and which roles of the
 * procedures each post staffs ({@link org.opsbook.rules.internal.org.RoomPost}). Not API; library modules may use it.
 */
@OpsStyle
package org.opsbook.rules.internal.org;

import org.opsbook.core.internal.style.OpsStyle;

/**
 * Who is calling: user profiles (owned by the platform, upserted from JWT claims and the integration API), JWT
 * verification, the dev login of dev mode, and the service key of the integration API. Knows nothing of rooms.
 */
@NullMarked
package com.sudamall.chat.identity;

import org.jspecify.annotations.NullMarked;

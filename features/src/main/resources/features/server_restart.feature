@restart
Feature: The server restarts
  TCP is reliable only while the connection lives. When the server restarts, the devices
  reconnect with their backoff policy, within a stated time, and what is lost is what the
  delivery mode predicts: nothing when the server acknowledges what it stored; the readings
  taken while the server was down when nobody buffers them. Where a timing boundary decides
  (a reading written just as the connection died), one reading per device is allowed.

  Background:
    Given a server is receiving readings on a port it keeps across restarts

  Scenario Outline: After a restart, <mode> delivery loses <loss>
    Given a device reporting every 200 ms in <mode> mode
    When the device has sent 3 readings
    And the server is down for 2 seconds
    Then the device is connected again within 5 seconds of the server's return
    When the device has sent 5 more readings
    Then the server lost <loss>

    Examples:
      | mode         | loss                                                           |
      | acknowledged | nothing                                                        |
      | buffered     | nothing, give or take one reading per device                   |
      | classroom    | the readings taken while it was down, give or take one per device |

  @fleet
  Scenario: Fifty devices with acknowledgements come back after a restart and lose nothing
    Given 50 devices reporting every 300 ms in acknowledged mode
    When every device has sent 3 readings
    And the server is down for 2 seconds
    Then every device is connected again within 5 seconds of the server's return
    When every device has sent 3 more readings
    Then the server lost nothing

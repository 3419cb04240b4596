@segmentation
Feature: Partial writes and coalesced lines are reassembled
  TCP carries a stream of bytes, not messages: one write may arrive in several pieces and
  several writes in one. The classroom server took one recv for one line and lost readings
  both ways. The server frames lines first, so no segmentation loses or spoils a reading.

  Background:
    Given a server is receiving readings

  Scenario Outline: Readings arrive whole whatever the segmentation (<fault>)
    Given a device reporting every 100 ms with the fault "<fault>"
    When the device has sent 12 readings
    Then the server has stored every reading the device sent, exactly once
    And the server counted no duplicate and no malformed line for the device
    And every gap the server counted is a reading the device says it never sent

    Examples: Several readings in one write
      | fault            |
      | coalesce,count=2 |
      | coalesce,count=5 |

    Examples: One reading in several writes
      | fault                                             |
      | slicer,average_size=1,size_variation=0,delay=300  |
      | slicer,average_size=5,size_variation=4,delay=2000 |
